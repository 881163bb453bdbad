package io.payout.sandbox.control;

import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The control API's errors, {@code {"error": ...}}: 400 for a bad request, 404 for an unknown thing, 409 else. */
@RestControllerAdvice(assignableTypes = {ControlController.class, StatementControlController.class,
    AccountControlController.class})
class ControlErrors {

    @ExceptionHandler({IllegalArgumentException.class, HttpMessageNotReadableException.class})
    ResponseEntity<Map<String, String>> badRequest(Exception e) {
        return error(HttpStatus.BAD_REQUEST, e);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> notFound(Exception e) {
        return error(HttpStatus.NOT_FOUND, e);
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> conflict(Exception e) {
        return error(HttpStatus.CONFLICT, e);
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, Exception e) {
        Throwable cause = e;
        // A record's compact constructor says what is wrong; Jackson wraps it, so report the innermost message.
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? e.getClass().getSimpleName() : cause.getMessage();
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
