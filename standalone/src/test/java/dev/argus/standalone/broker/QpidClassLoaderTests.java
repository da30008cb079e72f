package dev.argus.standalone.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

class QpidClassLoaderTests {

    @Test
    void pointsTheBrokersSubjectLookupsAtTheBridge() throws Exception {
        byte[] original = classFile("org.apache.qpid.server.logging.AbstractMessageLogger");
        assertThat(calls(original)).contains("javax/security/auth/Subject.getSubject");

        List<String> rewritten = calls(QpidClassLoader.rewrite(original));
        assertThat(rewritten).doesNotContain("javax/security/auth/Subject.getSubject")
                .contains(QpidBridge.INTERNAL_NAME + ".getSubject");
    }

    @Test
    void pointsTheBrokersShutdownHookAtTheBridge() throws Exception {
        List<String> rewritten = calls(QpidClassLoader.rewrite(classFile("org.apache.qpid.server.model.BrokerImpl")));
        assertThat(rewritten).doesNotContain("java/lang/Runtime.addShutdownHook")
                .contains(QpidBridge.INTERNAL_NAME + ".addShutdownHook");
    }

    @Test
    void leavesAClassWithoutSuchCallsAsItIs() throws Exception {
        byte[] original = classFile("org.apache.qpid.server.model.State");
        assertThat(QpidClassLoader.rewrite(original)).isSameAs(original);
    }

    @Test
    void loadsTheBrokersClassesItselfAndEverythingElseFromItsParent() throws Exception {
        QpidClassLoader loader = new QpidClassLoader(getClass().getClassLoader());
        assertThat(loader.loadClass("org.apache.qpid.server.model.BrokerImpl").getClassLoader()).isSameAs(loader);
        assertThat(loader.loadClass("com.sleepycat.je.Environment").getClassLoader())
                .isSameAs(getClass().getClassLoader());
    }

    private static byte[] classFile(String name) throws Exception {
        try (InputStream in = QpidClassLoaderTests.class.getClassLoader()
                .getResourceAsStream(name.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    private static List<String> calls(byte[] classFile) {
        List<String> calls = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        calls.add(owner + "." + method);
                    }
                };
            }
        }, 0);
        return calls;
    }
}
