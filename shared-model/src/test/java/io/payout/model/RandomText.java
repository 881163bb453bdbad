package io.payout.model;

import java.util.SplittableRandom;

/** Random text for the tests that hold a hand-written JSON writer to Jackson's output. */
final class RandomText {

    /** Characters JSON escapes, characters it passes as they are though they look odd, and some beyond ASCII. */
    static final String ODD_CHARACTERS = "\"\\/\b\t\n\f\r\u0000\u0001\u001f\u007f é中\u2028\uD83D\uDE00";

    private RandomText() {
    }

    /**
     * {@code minLength} to {@code maxLength - 1} characters of printable ASCII, each with a chance of one in
     * {@code oddOneIn} (none for 0) to be one of {@link #ODD_CHARACTERS} instead.
     */
    static String of(SplittableRandom random, int minLength, int maxLength, int oddOneIn) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(minLength, maxLength);
        for (int i = 0; i < length; i++) {
            text.append(oddOneIn > 0 && random.nextInt(oddOneIn) == 0
                    ? ODD_CHARACTERS.charAt(random.nextInt(ODD_CHARACTERS.length()))
                    : (char) random.nextInt(0x20, 0x7f));
        }
        return text.toString();
    }
}
