package org.rectify.ffi;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;

/**
 * rectify_row_callback: {@code int (*)(void *ctx, const char *row, size_t len)}. The row is a
 * Pointer, not a String, because it is len bytes that are only valid during the call; read it
 * with {@code row.getByteArray(0, len)}. Return 0 to go on, anything else to stop.
 */
public interface RowCallback extends Callback {
    int invoke(Pointer ctx, Pointer row, SizeT len);
}
