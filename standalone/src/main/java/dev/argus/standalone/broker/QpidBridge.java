package dev.argus.standalone.broker;

import java.security.AccessControlContext;
import java.security.PrivilegedAction;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import javax.security.auth.Subject;
import javax.security.auth.SubjectDomainCombiner;

/**
 * What the embedded broker calls instead of some JDK methods; {@link QpidClassLoader} rewrites the broker's calls
 * when it loads the broker's classes.
 * <ul>
 *   <li>{@code Subject.getSubject(AccessControlContext)}, which always throws since the Security Manager was removed
 *       (JDK 24), and {@code AccessController.doPrivileged(action, context)}, which no longer runs the action as the
 *       context's subject. Qpid Broker-J (10.0) binds each connection's subject to an {@link AccessControlContext}
 *       through a {@link SubjectDomainCombiner}; the JDK still keeps the combiner, so the subject can be read
 *       back.</li>
 *   <li>{@code Runtime.addShutdownHook}: the broker would close every connection as soon as the JVM begins to exit,
 *       while the applications are still finishing their work; the standalone mode stops the broker itself, after
 *       them.</li>
 * </ul>
 */
@SuppressWarnings("removal")
public final class QpidBridge {

    static final String INTERNAL_NAME = "dev/argus/standalone/broker/QpidBridge";

    private QpidBridge() {
    }

    /** Instead of {@code runtime.addShutdownHook(hook)}: the broker's hook is not registered. */
    public static void addShutdownHook(Runtime runtime, Thread hook) {
        // the standalone mode stops the broker in order (EmbeddedBroker.close)
    }

    /** Instead of {@code runtime.removeShutdownHook(hook)}: there is nothing to remove. */
    public static boolean removeShutdownHook(Runtime runtime, Thread hook) {
        return false;
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
