package io.payout.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * The arguments of a component benchmark: {@code --name=value} sizes, and {@code --quick}, which swaps every size
 * not given for a small one, so that a run only proves the harness still works.
 */
final class Options {

    private final Map<String, String> values;
    private final boolean quick;

    private Options(Map<String, String> values, boolean quick) {
        this.values = values;
        this.quick = quick;
    }

    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        boolean quick = false;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--") && arg.indexOf('=') > 2) {
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                // a mistyped size would otherwise run the full-length benchmark without saying so
                throw new IllegalArgumentException("not --quick or --name=value: " + arg);
            }
        }
        return new Options(values, quick);
    }

    boolean quick() {
        return quick;
    }

    int integer(String name, int full, int quickValue) {
        String value = values.get(name);
        return value != null ? Integer.parseInt(value) : quick ? quickValue : full;
    }

    String string(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }
}
