package org.rectify.ffi;

import com.sun.jna.Native;
import com.sun.jna.ptr.ByReference;

/** A size_t out-parameter (size_t *). */
public final class SizeTByReference extends ByReference {
    public SizeTByReference() {
        super(Native.SIZE_T_SIZE);
        setValue(0);
    }

    public void setValue(long value) {
        if (Native.SIZE_T_SIZE == 8) {
            getPointer().setLong(0, value);
        } else {
            getPointer().setInt(0, (int) value);
        }
    }

    public long getValue() {
        return Native.SIZE_T_SIZE == 8 ? getPointer().getLong(0)
                                       : Integer.toUnsignedLong(getPointer().getInt(0));
    }
}
