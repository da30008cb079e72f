package dev.argus.frontend.upload;

import java.io.IOException;

/** Reading the request body failed (client gone, malformed stream): the client's problem, not the server's. */
class RequestReadException extends RuntimeException {

    RequestReadException(IOException cause) {
        super(cause.getMessage(), cause);
    }
}
