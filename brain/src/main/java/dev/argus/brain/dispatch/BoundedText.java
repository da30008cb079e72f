package dev.argus.brain.dispatch;

/**
 * A {@link CharSequence} that lets a regex engine read at most a budget of characters, then throws
 * {@link BudgetExceeded}: {@link java.util.regex.Pattern} backtracks by re-reading its input, so a pattern such as
 * {@code (a+)+$} that would take exponential time on a crafted input stops after a bounded amount of work.
 * Not thread-safe; one per match.
 */
final class BoundedText implements CharSequence {

    /** The budget ran out: the match was abandoned. */
    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super("regex step budget exceeded", null, false, false);
        }
    }

    private final CharSequence text;
    private final int offset;
    private final int length;
    private final long[] remaining;

    /** @param budget how many character reads the whole match may make */
    BoundedText(CharSequence text, long budget) {
        this(text, 0, text.length(), new long[] {budget});
    }

    private BoundedText(CharSequence text, int offset, int length, long[] remaining) {
        this.text = text;
        this.offset = offset;
        this.length = length;
        this.remaining = remaining;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (--remaining[0] < 0) {
            throw new BudgetExceeded();
        }
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return text.charAt(offset + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        if (start < 0 || end > length || start > end) {
            throw new IndexOutOfBoundsException("[" + start + ", " + end + ") of " + length);
        }
        return new BoundedText(text, offset + start, end - start, remaining);
    }

    @Override
    public String toString() {
        return text.subSequence(offset, offset + length).toString();
    }
}
