package io.payout.orchestrator.ops;

import io.payout.orchestrator.quarantine.ReplayRefusedException;
import io.payout.orchestrator.withdrawal.NotFlaggedException;
import io.payout.orchestrator.withdrawal.ResolveRefusedException;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Clear JSON errors for the operations API: bad input 400, unknown 404, refused or concurrent 409. */
@RestControllerAdvice(assignableTypes = {OperationsController.class, StatementBreaksController.class,
        AccountsController.class})
class OperationsErrors {

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, String>> badInput(Exception e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        // the cause names the field when a compact constructor refused it
        Throwable cause = e.getMostSpecificCause();
        String message = cause instanceof IllegalArgumentException ? cause.getMessage()
                : "request body must be a JSON object; see CONTRACT.md §4";
        return error(HttpStatus.BAD_REQUEST, message);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> notFound(NoSuchElementException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ResolveRefusedException.class)
    ResponseEntity<Map<String, String>> refused(ResolveRefusedException e) {
        return error(HttpStatus.CONFLICT, "resolve refused: " + e.getMessage());
    }

    @ExceptionHandler(NotFlaggedException.class)
    ResponseEntity<Map<String, String>> notFlagged(NotFlaggedException e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(ReplayRefusedException.class)
    ResponseEntity<Map<String, String>> replayRefused(ReplayRefusedException e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Map<String, String>> concurrent(OptimisticLockingFailureException e) {
        return error(HttpStatus.CONFLICT, "the withdrawal changed meanwhile; try again");
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> unavailable(IllegalStateException e) {
        return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", message));
    }
}
