package dev.argus.probe.engine.binary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Positional reads from an untrusted file, never past its end and never larger than {@link #MAX_READ}: a parser asks
 * for a structure at an offset taken from the file and gets fewer bytes (or none) when the file is shorter, so a
 * header field can never make it allocate more than that. Not thread-safe (one per parse); the channel belongs to the
 * caller.
 */
public final class BinaryFile {

    /** The largest single read; callers cap counts taken from headers before multiplying them into a length. */
    public static final int MAX_READ = 1 << 20;

    private final FileChannel channel;
    private final long size;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    public BinaryFile(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    /** The file's length in bytes. */
    public long size() {
        return size;
    }

    /** Sets the byte order of the buffers returned from now on (ELF files may be big-endian). */
    public BinaryFile order(ByteOrder order) {
        this.order = order;
        return this;
    }

    /** True when {@code [offset, offset + length)} lies inside the file. */
    public boolean contains(long offset, long length) {
        return offset >= 0 && length >= 0 && offset <= size && length <= size - offset;
    }

    /**
     * Up to {@code length} bytes at {@code offset}: fewer at the end of the file, none when the offset is outside it.
     *
     * @throws IllegalArgumentException when {@code length} is negative or above {@link #MAX_READ} (a caller bug)
     */
    public ByteBuffer read(long offset, int length) throws IOException {
        if (length < 0 || length > MAX_READ) {
            throw new IllegalArgumentException("read length " + length + " outside 0.." + MAX_READ);
        }
        if (offset < 0 || offset >= size) {
            return ByteBuffer.allocate(0).order(order);
        }
        int wanted = (int) Math.min(length, size - offset);
        ByteBuffer buffer = ByteBuffer.allocate(wanted);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, offset + buffer.position());
            if (read < 0) {
                break;
            }
        }
        return buffer.flip().order(order);
    }

    /** Exactly {@code length} bytes at {@code offset}, or null when the file ends before. */
    public ByteBuffer readFully(long offset, int length) throws IOException {
        ByteBuffer buffer = read(offset, length);
        return buffer.remaining() == length ? buffer : null;
    }

    /**
     * A NUL-terminated string of at most {@code maxLength} bytes, with bytes outside printable ASCII shown as
     * {@code ?}; null when the offset is outside the file.
     */
    public String cString(long offset, int maxLength) throws IOException {
        ByteBuffer bytes = read(offset, Math.min(maxLength, MAX_READ));
        if (!bytes.hasRemaining()) {
            return null;
        }
        int end = 0;
        while (end < bytes.limit() && bytes.get(end) != 0) {
            end++;
        }
        return printable(bytes, 0, end);
    }

    /** Bytes {@code [from, to)} of a buffer as printable ASCII ({@code ?} for anything else). */
    public static String printable(ByteBuffer bytes, int from, int to) {
        byte[] chars = new byte[to - from];
        for (int i = 0; i < chars.length; i++) {
            byte b = bytes.get(from + i);
            chars[i] = b >= 0x20 && b < 0x7f ? b : (byte) '?';
        }
        return new String(chars, StandardCharsets.US_ASCII);
    }

    /** An unsigned 16-bit value at {@code index} of a buffer, or -1 when the buffer is too short. */
    public static int u16(ByteBuffer buffer, int index) {
        return index >= 0 && index + 2 <= buffer.limit() ? Short.toUnsignedInt(buffer.getShort(index)) : -1;
    }

    /** An unsigned 32-bit value at {@code index} of a buffer, or -1 when the buffer is too short. */
    public static long u32(ByteBuffer buffer, int index) {
        return index >= 0 && index + 4 <= buffer.limit() ? Integer.toUnsignedLong(buffer.getInt(index)) : -1;
    }

    /**
     * A 64-bit value at {@code index} of a buffer, or -1 when the buffer is too short. Values of 2^63 and above come
     * back negative; callers treat them as out of range, which they always are for offsets and sizes.
     */
    public static long u64(ByteBuffer buffer, int index) {
        return index >= 0 && index + 8 <= buffer.limit() ? buffer.getLong(index) : -1;
    }

    /** A 32- or 64-bit unsigned value, as ELF's address-sized fields are. */
    public static long word(ByteBuffer buffer, int index, boolean wide) {
        return wide ? u64(buffer, index) : u32(buffer, index);
    }

    /** {@code 0x}-prefixed lower-case hex, the way addresses are shown in details. */
    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
