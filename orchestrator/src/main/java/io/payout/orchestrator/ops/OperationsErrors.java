package io.payout.orchestrator.ops;

import io.payout.orchestrator.quarantine.ReplayRefusedException;
import io.payout.orchestrator.withdrawal.NotFlaggedException;
import io.payout.orchestrator.withdrawal.ResolveRefusedException;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error of the operations API as RFC 9457 problem details ({@code application/problem+json}): bad input 400,
 * unknown 404, refused or concurrent 409, a dependency down 503, anything else 500 without internals. Framework
 * errors (unknown path, wrong method, missing parameter) take the same shape through Spring's own problem details
 * ({@code spring.mvc.problemdetails.enabled}), security's 401 and 403 through {@code OrchestratorSecurity}. Ordered
 * first so that the product's messages, which name the field, win over Spring's generic ones.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = OperationsErrors.class)
class OperationsErrors {

    private static final Logger log = LoggerFactory.getLogger(OperationsErrors.class);

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail badInput(Exception e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        // the cause names the field when a compact constructor refused it
        Throwable cause = e.getMostSpecificCause();
        String message = cause instanceof IllegalArgumentException ? cause.getMessage()
                : "request body must be a JSON object; see CONTRACT.md §4";
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ResolveRefusedException.class)
    ProblemDetail refused(ResolveRefusedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "resolve refused: " + e.getMessage());
    }

    @ExceptionHandler({NotFlaggedException.class, ReplayRefusedException.class})
    ProblemDetail conflict(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrent(OptimisticLockingFailureException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "the withdrawal changed meanwhile; try again");
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail unavailable(IllegalStateException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    /** Spring's own errors keep their status and detail; anything unexpected is a 500 that shows no internals. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) throws Exception {
        if (e instanceof ErrorResponse response) {
            return response.getBody();
        }
        log.error("operations API failed", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the request failed; the orchestrator's log has the details");
    }
}
