/**
 * Mainland China's working days ({@code WorkingDays}): the State Council's holidays and make-up working days of each
 * announced year, built in and extendable by a file ({@code CalendarFile}'s format). The orchestrator's poll schedule
 * and expected fees and the sandbox's settlement clock all count working days with it.
 */
package io.payout.model.calendar;
