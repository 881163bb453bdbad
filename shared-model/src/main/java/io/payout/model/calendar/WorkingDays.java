package io.payout.model.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Mainland China's working days: Monday to Friday, except the public holidays the State Council announces each
 * year, plus the weekend days it makes working days in exchange (调休). T1 arrives on the next working day, D1's fee
 * depends on whether the day is one, and both Huifu and the sandbox settle by it. The years 2025 and 2026 are built
 * in ({@code china-working-days.txt}, with the announcements cited); a file in the same format adds years or
 * replaces one. For a year the calendar has no data for, the weekend rule is all it knows: it says so to the
 * listener given to {@link #whenUnknown}, so that a deployment notices before the new year starts.
 */
public final class WorkingDays {

    private static final String BUILT_IN = "china-working-days.txt";

    private final Map<Integer, Year> years;
    private final Set<LocalDate> extraHolidays;
    private final Consumer<LocalDate> onUnknown;

    /** One year's announcement: its holidays and its make-up working days. */
    record Year(Set<LocalDate> holidays, Set<LocalDate> workdays) {
        Year {
            holidays = Set.copyOf(holidays);
            workdays = Set.copyOf(workdays);
        }
    }

    private WorkingDays(Map<Integer, Year> years, Set<LocalDate> extraHolidays, Consumer<LocalDate> onUnknown) {
        this.years = Map.copyOf(years);
        this.extraHolidays = Set.copyOf(extraHolidays);
        this.onUnknown = onUnknown;
    }

    /** The built-in years. */
    public static WorkingDays builtIn() {
        try (InputStream in = WorkingDays.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the class path");
            }
            return new WorkingDays(CalendarFile.read(BUILT_IN, reader(in)), Set.of(), day -> { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILT_IN, e);
        }
    }

    /** Weekends only, no announced year: for tests of schedules that must not depend on the real calendar. */
    public static WorkingDays weekendsOnly() {
        return new WorkingDays(Map.of(), Set.of(), day -> { });
    }

    /** These days with the years of {@code file} added, each replacing the same year if it was known. */
    public WorkingDays withFile(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<Integer, Year> merged = new HashMap<>(years);
            merged.putAll(CalendarFile.read(file.toString(), in));
            return new WorkingDays(merged, extraHolidays, onUnknown);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the calendar file " + file, e);
        }
    }

    /** These days with further dates that are not working days (a local closure, a correction in configuration). */
    public WorkingDays withHolidays(Collection<LocalDate> holidays) {
        Set<LocalDate> all = new HashSet<>(extraHolidays);
        all.addAll(holidays);
        return new WorkingDays(years, all, onUnknown);
    }

    /** These days, telling {@code listener} of every date asked about in a year they have no data for. */
    public WorkingDays whenUnknown(Consumer<LocalDate> listener) {
        return new WorkingDays(years, extraHolidays, listener);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (extraHolidays.contains(day)) {
            return false;
        }
        Year year = years.get(day.getYear());
        if (year == null) {
            onUnknown.accept(day);
        } else if (year.holidays().contains(day)) {
            return false;
        } else if (year.workdays().contains(day)) {
            return true;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The first working day after {@code day}. */
    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** Whether the year of {@code day} is announced here (not just the weekend rule). */
    public boolean covers(LocalDate day) {
        return years.containsKey(day.getYear());
    }

    /** The announced years, in order. */
    public Set<Integer> years() {
        return new TreeSet<>(years.keySet());
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
