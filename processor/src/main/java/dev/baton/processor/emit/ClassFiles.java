package dev.baton.processor.emit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Rewrites a class file javac wrote for generated code so that it names the user's source: every
 * line of its {@code LineNumberTable}s becomes the user's line ({@link LineTable}), and its
 * {@code SourceFile} the user's file. A stack trace then reads
 * {@code AsyncFoo$$drain.$step(Foo.java:46)}, and a debugger stops at the user's line in the code
 * that runs it. Only the table entries change in place (and one constant is added for the file
 * name); nothing else of the class file moves.
 */
public final class ClassFiles {
  private ClassFiles() {}

  /** The patched class file, or {@code bytes} unchanged if it is not one this can read. */
  public static byte[] patch(byte[] bytes, LineTable table) {
    try {
      return new Patcher(bytes, table).run();
    } catch (RuntimeException e) {
      return bytes; // never lose a class over its line numbers
    }
  }

  private static final class Patcher {
    private final byte[] in;
    private final ByteBuffer buf;
    private final LineTable table;
    private String[] utf8;
    private int constantsEnd;
    private int sourceFileIndexAt = -1;

    Patcher(byte[] in, LineTable table) {
      this.in = in.clone();
      this.buf = ByteBuffer.wrap(this.in);
      this.table = table;
    }

    byte[] run() {
      if (buf.getInt() != 0xCAFEBABE) {
        throw new IllegalArgumentException("not a class file");
      }
      buf.getShort();
      buf.getShort();
      int count = u2();
      utf8 = new String[count];
      for (int i = 1; i < count; i++) {
        int tag = u1();
        switch (tag) {
          case 1 -> {
            int len = u2();
            utf8[i] = new String(in, buf.position(), len, StandardCharsets.UTF_8);
            skip(len);
          }
          case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(4);
          case 5, 6 -> {
            skip(8);
            i++;
          }
          case 7, 8, 16, 19, 20 -> skip(2);
          case 15 -> skip(3);
          default -> throw new IllegalArgumentException("constant tag " + tag);
        }
      }
      constantsEnd = buf.position();
      skip(6); // access, this, super
      skip(2 * u2()); // interfaces
      members(false); // fields
      members(true); // methods
      attributes(false);
      return sourceFileIndexAt < 0 ? in : withSourceFile(count);
    }

    private void members(boolean methods) {
      int n = u2();
      for (int i = 0; i < n; i++) {
        skip(6);
        attributes(methods);
      }
    }

    private void attributes(boolean inMethod) {
      int n = u2();
      for (int i = 0; i < n; i++) {
        String name = utf8[u2()];
        int len = buf.getInt();
        int start = buf.position();
        if (inMethod && "Code".equals(name)) {
          code();
        } else if ("SourceFile".equals(name)) {
          sourceFileIndexAt = start;
        }
        buf.position(start + len);
      }
    }

    private void code() {
      skip(4); // max stack, max locals
      skip(buf.getInt());
      skip(8 * u2()); // exception table
      int n = u2();
      for (int i = 0; i < n; i++) {
        String name = utf8[u2()];
        int len = buf.getInt();
        int start = buf.position();
        if ("LineNumberTable".equals(name)) {
          int entries = u2();
          for (int e = 0; e < entries; e++) {
            skip(2);
            int at = buf.position();
            int user = table.userLine(u2());
            if (user > 0) {
              buf.putShort(at, (short) user);
            }
          }
        }
        buf.position(start + len);
      }
    }

    /** The class with one more constant, the user's file name, that SourceFile now names. */
    private byte[] withSourceFile(int count) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 32);
      try (DataOutputStream data = new DataOutputStream(out)) {
        data.write(in, 0, 8);
        data.writeShort(count + 1);
        data.write(in, 10, constantsEnd - 10);
        data.writeByte(1);
        data.writeUTF(table.fileName());
        ByteBuffer.wrap(in).putShort(sourceFileIndexAt, (short) count);
        data.write(in, constantsEnd, in.length - constantsEnd);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return out.toByteArray();
    }

    private int u1() {
      return buf.get() & 0xFF;
    }

    private int u2() {
      return buf.getShort() & 0xFFFF;
    }

    private void skip(int n) {
      buf.position(buf.position() + n);
    }
  }
}
