package dev.argus.standalone.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

/**
 * Loads the classes of Qpid Broker-J ({@code org.apache.qpid.*}) itself, from the class files its parent sees, and
 * points their calls to {@code Subject.getSubject(AccessControlContext)},
 * {@code AccessController.doPrivileged(action, AccessControlContext)} and {@code Runtime.add/removeShutdownHook} at
 * {@link QpidBridge}: without the first two the broker cannot start on JDK 24 or newer. Every other class comes
 * from the parent. The broker must be started with this loader as the thread's context class loader, so that the
 * broker's plugins (found with {@link java.util.ServiceLoader}) are loaded here too; the broker's own threads
 * inherit it.
 */
final class QpidClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String QPID_PACKAGE = "org.apache.qpid.";
    private static final byte[] GET_SUBJECT = "getSubject".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DO_PRIVILEGED = "doPrivileged".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHUTDOWN_HOOK = "ShutdownHook".getBytes(StandardCharsets.US_ASCII);
    private static final String CONTEXT = "Ljava/security/AccessControlContext;";

    QpidClassLoader(ClassLoader parent) {
        super("qpid-broker", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(QPID_PACKAGE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = rewrite(read(name));
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private byte[] read(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + name, e);
        }
    }

    /** The class file with the JDK calls replaced; unchanged (the same array) when it has none of them. */
    static byte[] rewrite(byte[] classFile) {
        if (!contains(classFile, GET_SUBJECT) && !contains(classFile, DO_PRIVILEGED)
                && !contains(classFile, SHUTDOWN_HOOK)) {
            return classFile;
        }
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new CallRedirect(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    /** Same stack effect before and after, so frames and maximum stack size stay valid. */
    private static final class CallRedirect extends MethodVisitor {

        CallRedirect(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC && redirected(owner, name, descriptor)) {
                super.visitMethodInsn(opcode, QpidBridge.INTERNAL_NAME, name, descriptor, false);
            } else if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime")
                    && (name.equals("addShutdownHook") || name.equals("removeShutdownHook"))) {
                // the receiver becomes the first argument: same stack effect
                super.visitMethodInsn(Opcodes.INVOKESTATIC, QpidBridge.INTERNAL_NAME, name,
                        "(Ljava/lang/Runtime;" + descriptor.substring(1), false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        private static boolean redirected(String owner, String name, String descriptor) {
            return switch (owner) {
                case "javax/security/auth/Subject" -> name.equals("getSubject")
                        && descriptor.equals("(" + CONTEXT + ")Ljavax/security/auth/Subject;");
                case "java/security/AccessController" -> name.equals("doPrivileged")
                        && (descriptor.equals("(Ljava/security/PrivilegedAction;" + CONTEXT + ")Ljava/lang/Object;")
                        || descriptor.equals("(Ljava/security/PrivilegedExceptionAction;" + CONTEXT
                                + ")Ljava/lang/Object;"));
                default -> false;
            };
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
