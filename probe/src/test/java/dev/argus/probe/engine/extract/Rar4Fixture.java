package dev.argus.probe.engine.extract;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Writes RAR 4 archives for the tests, there being no rar writer to use: the documented block structure (marker
 * block, archive header, one file header per member with the "store" method followed by the bytes as they are, end of
 * archive block), each header starting with the low 16 bits of the CRC-32 of the rest of it.
 */
final class Rar4Fixture {

    private static final byte[] MARKER = {0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00};
    private static final int ARCHIVE_HEADER = 0x73;
    private static final int FILE_HEADER = 0x74;
    private static final int END_OF_ARCHIVE = 0x7b;
    private static final int LONG_BLOCK = 0x8000;
    private static final int HEADERS_ENCRYPTED = 0x0080;
    private static final int HOST_UNIX = 3;
    private static final int STORE = 0x30;
    private static final int DOS_TIME_2025 = (45 << 25) | (1 << 21) | (1 << 16);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Rar4Fixture(boolean headersEncrypted) {
        out.writeBytes(MARKER);
        block(ARCHIVE_HEADER, headersEncrypted ? HEADERS_ENCRYPTED : 0, new byte[6]);
    }

    /** An archive whose headers are not encrypted. */
    static Rar4Fixture archive() {
        return new Rar4Fixture(false);
    }

    /** An archive that says its headers are encrypted (created with {@code rar -hp}): nothing follows. */
    static byte[] headersEncrypted() {
        Rar4Fixture rar = new Rar4Fixture(true);
        rar.out.writeBytes(new byte[64]);
        return rar.out.toByteArray();
    }

    /** Adds a stored member. */
    Rar4Fixture add(String name, byte[] content) {
        byte[] encodedName = name.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(content);
        ByteBuffer body = ByteBuffer.allocate(25 + encodedName.length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(content.length).putInt(content.length).put((byte) HOST_UNIX).putInt((int) crc.getValue())
                .putInt(DOS_TIME_2025).put((byte) 20).put((byte) STORE).putShort((short) encodedName.length)
                .putInt(0100644).put(encodedName);
        block(FILE_HEADER, LONG_BLOCK, body.array());
        out.writeBytes(content);
        return this;
    }

    byte[] bytes() {
        block(END_OF_ARCHIVE, 0x4000, new byte[0]);
        return out.toByteArray();
    }

    private void block(int type, int flags, byte[] body) {
        ByteBuffer header = ByteBuffer.allocate(5 + body.length).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) type).putShort((short) flags).putShort((short) (7 + body.length)).put(body);
        CRC32 crc = new CRC32();
        crc.update(header.array());
        out.writeBytes(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) crc.getValue())
                .array());
        out.writeBytes(header.array());
    }
}
