package dev.argus.probe.engine.extract;

/** The engine cannot read this container on this probe (e.g. rar without bsdtar); the message says why. */
final class UnsupportedContainerException extends Exception {

    UnsupportedContainerException(String reason) {
        super(reason, null, false, false);
    }
}
