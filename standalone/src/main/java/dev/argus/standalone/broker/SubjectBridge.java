package dev.argus.standalone.broker;

import java.security.AccessControlContext;
import java.security.PrivilegedAction;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import javax.security.auth.Subject;
import javax.security.auth.SubjectDomainCombiner;

/**
 * What the embedded broker calls instead of the two JDK methods that stopped working when the Security Manager was
 * removed (JDK 24): {@code Subject.getSubject(AccessControlContext)}, which now always throws, and
 * {@code AccessController.doPrivileged(action, context)}, which no longer runs the action as the context's subject.
 * Qpid Broker-J (10.0) binds each connection's subject to an {@link AccessControlContext} through a
 * {@link SubjectDomainCombiner}; the combiner is still kept by the JDK, so the subject can be read back from it.
 * {@link QpidClassLoader} rewrites the broker's calls to these methods when it loads the broker's classes.
 */
@SuppressWarnings("removal")
public final class SubjectBridge {

    static final String INTERNAL_NAME = "dev/argus/standalone/broker/SubjectBridge";

    private SubjectBridge() {
    }

    /** The subject bound to the context, else the subject the current thread runs as ({@link Subject#current()}). */
    public static Subject getSubject(AccessControlContext context) {
        Subject bound = boundSubject(context);
        return bound != null ? bound : Subject.current();
    }

    /** Runs the action as the subject bound to the context, or as the current subject when none is bound. */
    public static <T> T doPrivileged(PrivilegedAction<T> action, AccessControlContext context) {
        Subject bound = boundSubject(context);
        return bound != null ? Subject.doAs(bound, action) : action.run();
    }

    /** Like {@link #doPrivileged(PrivilegedAction, AccessControlContext)}; checked exceptions come wrapped. */
    public static <T> T doPrivileged(PrivilegedExceptionAction<T> action, AccessControlContext context)
            throws PrivilegedActionException {
        Subject bound = boundSubject(context);
        if (bound != null) {
            return Subject.doAs(bound, action);
        }
        try {
            return action.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new PrivilegedActionException(e);
        }
    }

    private static Subject boundSubject(AccessControlContext context) {
        if (context != null && context.getDomainCombiner() instanceof SubjectDomainCombiner combiner) {
            return combiner.getSubject();
        }
        return null;
    }
}
