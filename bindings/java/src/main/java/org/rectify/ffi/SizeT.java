package org.rectify.ffi;

import com.sun.jna.IntegerType;
import com.sun.jna.Native;

/** C's size_t: as wide as the platform makes it, never negative. */
public final class SizeT extends IntegerType {
    private static final long serialVersionUID = 1L;

    public SizeT() {
        this(0);
    }

    public SizeT(long value) {
        super(Native.SIZE_T_SIZE, value, true);
    }
}
