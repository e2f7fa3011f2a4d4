package org.ev3cortex.testing.opcount;

import java.io.IOException;
import java.io.InputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A class loader that re-defines our classes (and JTransforms') with a counter before every
 * arithmetic, conversion, compare, math call and array access: an instrumented run, the
 * independent oracle for the operation counts the kernels report from their loop bounds.
 */
public final class CountingLoader extends ClassLoader {
    private static final String COUNTER = Executed.class.getName().replace('.', '/');

    public CountingLoader(ClassLoader parent) {
        super(parent);
    }

    private static boolean instrumented(String name) {
        return (name.startsWith("org.ev3cortex.") && !name.startsWith("org.ev3cortex.testing.opcount."))
                || name.startsWith("org.jtransforms.");
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!instrumented(name)) return super.loadClass(name, resolve);
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] b;
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) throw new ClassNotFoundException(name);
                    b = instrument(in.readAllBytes());
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
                c = defineClass(name, b, 0, b.length);
            }
            if (resolve) resolveClass(c);
            return c;
        }
    }

    private static byte[] instrument(byte[] original) {
        ClassReader r = new ClassReader(original);
        ClassWriter w = new ClassWriter(r, ClassWriter.COMPUTE_MAXS);
        r.accept(new ClassVisitor(Opcodes.ASM9, w) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                return new Counting(super.visitMethod(access, name, desc, sig, ex));
            }
        }, 0);
        return w.toByteArray();
    }

    /** Inserts {@code Executed.add(kind, n)} before each counted instruction. */
    private static final class Counting extends MethodVisitor {
        Counting(MethodVisitor mv) {
            super(Opcodes.ASM9, mv);
        }

        private void count(int kind, int n) {
            super.visitIntInsn(Opcodes.BIPUSH, kind);
            super.visitIntInsn(Opcodes.BIPUSH, n);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, COUNTER, "add", "(II)V", false);
        }

        @Override
        public void visitInsn(int op) {
            int kind = -1;
            int n = 1;
            switch (op) {
                case Opcodes.FADD: case Opcodes.FSUB: case Opcodes.FNEG: kind = Executed.FADD; break;
                case Opcodes.FMUL: kind = Executed.FMUL; break;
                case Opcodes.FDIV: case Opcodes.FREM: kind = Executed.FDIV; break;
                case Opcodes.DADD: case Opcodes.DSUB: case Opcodes.DMUL: case Opcodes.DDIV: case Opcodes.DNEG:
                case Opcodes.DREM: kind = Executed.DOP; break;
                case Opcodes.I2F: case Opcodes.F2I: case Opcodes.I2D: case Opcodes.D2I: case Opcodes.F2D: case Opcodes.D2F:
                case Opcodes.L2F: case Opcodes.L2D: case Opcodes.F2L: case Opcodes.D2L: kind = Executed.FCONV; break;
                case Opcodes.FCMPL: case Opcodes.FCMPG: case Opcodes.DCMPL: case Opcodes.DCMPG: kind = Executed.FCMP; break;
                case Opcodes.IADD: case Opcodes.ISUB: case Opcodes.IMUL: case Opcodes.IDIV: case Opcodes.IREM: case Opcodes.INEG:
                case Opcodes.ISHL: case Opcodes.ISHR: case Opcodes.IUSHR: case Opcodes.IAND: case Opcodes.IOR: case Opcodes.IXOR:
                case Opcodes.LADD: case Opcodes.LSUB: case Opcodes.LMUL: case Opcodes.LDIV: case Opcodes.LREM: case Opcodes.LNEG:
                case Opcodes.LSHL: case Opcodes.LSHR: case Opcodes.LUSHR: case Opcodes.LAND: case Opcodes.LOR: case Opcodes.LXOR:
                    kind = Executed.IOP; break;
                case Opcodes.BALOAD: case Opcodes.BASTORE: kind = Executed.BYTES; break;
                case Opcodes.SALOAD: case Opcodes.SASTORE: case Opcodes.CALOAD: case Opcodes.CASTORE: kind = Executed.BYTES; n = 2; break;
                case Opcodes.IALOAD: case Opcodes.IASTORE: case Opcodes.FALOAD: case Opcodes.FASTORE: kind = Executed.BYTES; n = 4; break;
                case Opcodes.LALOAD: case Opcodes.LASTORE: case Opcodes.DALOAD: case Opcodes.DASTORE: kind = Executed.BYTES; n = 8; break;
                default: break;
            }
            if (kind >= 0) count(kind, n);
            super.visitInsn(op);
        }

        @Override
        public void visitIincInsn(int var, int increment) {
            count(Executed.IOP, 1);
            super.visitIincInsn(var, increment);
        }

        @Override
        public void visitMethodInsn(int op, String owner, String name, String desc, boolean itf) {
            if (op == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && name.equals("arraycopy")) {
                super.visitMethodInsn(op, COUNTER, "arraycopy", desc, false);
                return;
            }
            if (op == Opcodes.INVOKESTATIC && (owner.equals("java/lang/Math") || owner.equals("java/lang/StrictMath"))
                    && (name.equals("sqrt") || name.equals("exp") || name.equals("log") || name.equals("log10")
                        || name.equals("pow") || name.equals("sin") || name.equals("cos") || name.equals("tan")
                        || name.equals("atan2") || name.equals("atan") || name.equals("hypot"))) {
                count(Executed.FMATH, 1);
            }
            super.visitMethodInsn(op, owner, name, desc, itf);
        }
    }
}
