package dev.argus.frontend.label;

import dev.argus.frontend.web.ApiException;
import dev.argus.frontend.web.DataSizes;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.util.unit.DataSize;

/** Passes bytes through until more than the limit were read, then fails with a 413 problem naming the limit. */
final class SizeLimitedInputStream extends FilterInputStream {

    private final DataSize limit;
    private long count;

    SizeLimitedInputStream(InputStream in, DataSize limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) {
        count += n;
        if (count > limit.toBytes()) {
            throw ApiException.contentTooLarge("labels-too-large",
                    "a label import may be at most " + DataSizes.describe(limit) + "; nothing was imported");
        }
    }
}
