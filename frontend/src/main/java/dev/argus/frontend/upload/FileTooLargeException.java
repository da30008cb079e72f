package dev.argus.frontend.upload;

/** An upload part went over the size limit; reading stopped there. */
class FileTooLargeException extends RuntimeException {

    private final long limit;

    FileTooLargeException(long limit) {
        super("the file is larger than " + limit + " bytes", null, false, false);
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
