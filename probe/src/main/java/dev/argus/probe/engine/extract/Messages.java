package dev.argus.probe.engine.extract;

/** Library error messages as they go into a detail: never null, one line, bounded. They never carry a password. */
final class Messages {

    private static final int MAX = 200;

    private Messages() {
    }

    static String of(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            message = error.getClass().getSimpleName();
        }
        return MemberNames.shortened(MemberNames.clean(message.replace('\n', ' ').replace('\r', ' ')), MAX);
    }
}
