package io.payout.model.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a calendar file ({@code <date or date..date> <holiday|workday> <name>}, {@code #} comments), refusing
 * anything that cannot be an announcement: a day both holiday and workday, a make-up workday that is not a weekend
 * day, a range across years or backwards. A mistake here would shift T1 arrivals and fees, so it stops the start.
 */
final class CalendarFile {

    private CalendarFile() {
    }

    static Map<Integer, WorkingDays.Year> read(String name, BufferedReader in) throws IOException {
        Map<Integer, Set<LocalDate>> holidays = new HashMap<>();
        Map<Integer, Set<LocalDate>> workdays = new HashMap<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] parts = text.split("\\s+", 3);
            if (parts.length < 2) {
                throw problem(name, number, "expected <date or date..date> <holiday|workday> [name]");
            }
            LocalDate[] range = range(name, number, parts[0]);
            boolean holiday = switch (parts[1]) {
                case "holiday" -> true;
                case "workday" -> false;
                default -> throw problem(name, number, "expected holiday or workday, not " + parts[1]);
            };
            for (LocalDate day = range[0]; !day.isAfter(range[1]); day = day.plusDays(1)) {
                if (!holiday && day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    throw problem(name, number, day + " is a " + day.getDayOfWeek()
                            + ": a make-up working day is a Saturday or Sunday");
                }
                Set<LocalDate> other = (holiday ? workdays : holidays).getOrDefault(day.getYear(), Set.of());
                if (other.contains(day)) {
                    throw problem(name, number, day + " is listed both as a holiday and as a workday");
                }
                (holiday ? holidays : workdays).computeIfAbsent(day.getYear(), y -> new HashSet<>()).add(day);
            }
        }
        Set<Integer> years = new HashSet<>(holidays.keySet());
        years.addAll(workdays.keySet());
        Map<Integer, WorkingDays.Year> result = new HashMap<>();
        for (int year : years) {
            result.put(year, new WorkingDays.Year(holidays.getOrDefault(year, Set.of()),
                    workdays.getOrDefault(year, Set.of())));
        }
        return result;
    }

    private static LocalDate[] range(String name, int number, String text) {
        try {
            int dots = text.indexOf("..");
            LocalDate first = LocalDate.parse(dots < 0 ? text : text.substring(0, dots));
            LocalDate last = dots < 0 ? first : LocalDate.parse(text.substring(dots + 2));
            if (last.isBefore(first) || last.getYear() != first.getYear()) {
                throw problem(name, number, "a range runs forwards within one year: " + text);
            }
            return new LocalDate[] {first, last};
        } catch (DateTimeParseException e) {
            throw problem(name, number, "not a date (yyyy-MM-dd) or range (yyyy-MM-dd..yyyy-MM-dd): " + text);
        }
    }

    private static IllegalArgumentException problem(String name, int number, String message) {
        return new IllegalArgumentException(name + " line " + number + ": " + message);
    }
}
