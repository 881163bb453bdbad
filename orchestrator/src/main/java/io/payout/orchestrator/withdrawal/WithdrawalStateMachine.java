package io.payout.orchestrator.withdrawal;

import static io.payout.model.WithdrawalStatus.ACCOUNTED;
import static io.payout.model.WithdrawalStatus.FAILED;
import static io.payout.model.WithdrawalStatus.PROCESSING;
import static io.payout.model.WithdrawalStatus.REFUNDED;
import static io.payout.model.WithdrawalStatus.REQUESTED;
import static io.payout.model.WithdrawalStatus.SUCCEEDED;

import io.payout.model.WithdrawalStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import org.springframework.statemachine.support.StateMachineObjectSupport;
import reactor.core.publisher.Mono;

/**
 * The contract's graph (CONTRACT.md §2) as a spring-statemachine, kept behind this one class because the library
 * is no longer maintained. It decides nothing: {@link TransitionTable} chooses the path, and this class walks it
 * step by step on a machine rehydrated at the row's state, refusing any step the graph does not allow.
 * <p>
 * The graph is fixed and has no guards, actions or extended state, so a walk's outcome depends only on where it
 * starts and which states it goes through: each distinct walk runs on the machine once, and its outcome (the end
 * state, or the refusal) answers every later walk of the same path. There are only a handful of distinct walks,
 * and running each one on the machine would cost more than everything else a transition does.
 */
final class WithdrawalStateMachine {

    /** The single steps of the graph. */
    enum Step {
        ACCEPT(REQUESTED, PROCESSING),
        REFUSE(REQUESTED, FAILED),
        DEBIT(PROCESSING, ACCOUNTED),
        FAIL(PROCESSING, FAILED),
        PAY(ACCOUNTED, SUCCEEDED),
        BOOK_BACK(ACCOUNTED, REFUNDED);

        final WithdrawalStatus from;
        final WithdrawalStatus to;

        Step(WithdrawalStatus from, WithdrawalStatus to) {
            this.from = from;
            this.to = to;
        }

        static Step between(WithdrawalStatus from, WithdrawalStatus to) {
            for (Step step : values()) {
                if (step.from == from && step.to == to) {
                    return step;
                }
            }
            throw new IllegalTransitionException(from + " -> " + to + " is not a transition of the contract");
        }
    }

    /** A path that leaves the contract's graph: a bug in the table, never a normal outcome. */
    public static final class IllegalTransitionException extends IllegalStateException {
        IllegalTransitionException(String message) {
            super(message);
        }
    }

    // Why one machine per thread: building a machine costs far more than resetting one, and intake/notification
    // batches walk thousands of paths per second. A machine is only ever used by its own thread.
    private static final ThreadLocal<StateMachine<WithdrawalStatus, Step>> MACHINE =
            ThreadLocal.withInitial(WithdrawalStateMachine::build);

    /** A walk: where it starts and the states it goes through. */
    private record Walk(WithdrawalStatus from, List<WithdrawalStatus> path) {
    }

    /** What the machine made of a walk: the state it ended in, or why it refused. */
    private record Outcome(WithdrawalStatus end, String refusal) {
    }

    private static final ConcurrentMap<Walk, Outcome> WALKED = new ConcurrentHashMap<>();

    private WithdrawalStateMachine() {
    }

    /** Walks {@code path} from {@code from}; returns the final state, or throws if any step is not allowed. */
    public static WithdrawalStatus walk(WithdrawalStatus from, List<WithdrawalStatus> path) {
        if (path.isEmpty()) {
            return from;
        }
        Outcome outcome = WALKED.computeIfAbsent(new Walk(from, List.copyOf(path)), WithdrawalStateMachine::onMachine);
        if (outcome.refusal() != null) {
            throw new IllegalTransitionException(outcome.refusal());
        }
        return outcome.end();
    }

    private static Outcome onMachine(Walk walk) {
        try {
            return new Outcome(walkOnMachine(walk.from(), walk.path()), null);
        } catch (IllegalTransitionException refused) {
            return new Outcome(null, refused.getMessage());
        }
    }

    private static WithdrawalStatus walkOnMachine(WithdrawalStatus from, List<WithdrawalStatus> path) {
        StateMachine<WithdrawalStatus, Step> machine = MACHINE.get();
        // Rehydrated in place: the machine keeps running between walks. Stopping and starting it around the reset
        // cost more than the walk itself (lifecycle listeners, debug strings built whether logged or not).
        machine.getStateMachineAccessor().doWithAllRegions(access -> access
                .resetStateMachineReactively(new DefaultStateMachineContext<>(from, null, null, null)).block());
        if (machine.getState().getId() != from) {
            throw new IllegalTransitionException("state machine could not be rehydrated at " + from);
        }
        WithdrawalStatus current = from;
        for (WithdrawalStatus next : path) {
            Step step = Step.between(current, next);
            List<StateMachineEventResult<WithdrawalStatus, Step>> results = machine
                    .sendEvent(Mono.just(MessageBuilder.withPayload(step).build()))
                    .collectList().block();
            // the transition itself completes after ACCEPTED is emitted: wait for it before reading the state
            if (results != null) {
                results.forEach(r -> r.complete().block());
            }
            boolean accepted = results != null && !results.isEmpty() && results.stream()
                    .allMatch(r -> r.getResultType() == StateMachineEventResult.ResultType.ACCEPTED);
            if (!accepted || machine.getState().getId() != next) {
                throw new IllegalTransitionException("state machine refused " + step + " in " + current + ": "
                        + (results == null ? "no result" : results.stream().map(r -> r.getResultType().name()).toList())
                        + " now " + machine.getState().getId());
            }
            current = next;
        }
        return current;
    }

    private static StateMachine<WithdrawalStatus, Step> build() {
        try {
            StateMachineBuilder.Builder<WithdrawalStatus, Step> builder = StateMachineBuilder.builder();
            builder.configureConfiguration().withConfiguration().autoStartup(false);
            // The final states are not declared as end states: a machine that reaches an end state completes and
            // cannot be reset for the next walk, and rebuilding one per walk costs milliseconds. They have no
            // outgoing transition, which is what keeps them final.
            builder.configureStates().withStates()
                    .initial(REQUESTED)
                    .states(EnumSet.allOf(WithdrawalStatus.class));
            var transitions = builder.configureTransitions();
            for (Step step : Step.values()) {
                transitions = transitions.withExternal().source(step.from).target(step.to).event(step).and();
            }
            StateMachine<WithdrawalStatus, Step> machine = builder.build();
            if (machine instanceof StateMachineObjectSupport<?, ?> support) {
                // A named machine looks up annotated handlers (@OnTransition and kin) on every step, with a regex
                // per lookup; we declare none, so the machine stays unnamed and skips the lookups.
                support.setBeanName(null);
            }
            machine.startReactively().block();
            return machine;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the withdrawal state machine", e);
        }
    }
}
