package org.rectify.ffi;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;

/**
 * rectify_progress_callback: {@code int (*)(void *ctx, const char *operation, int64_t done,
 * int64_t total)}. Return 0 to go on, anything else to stop the operation, which then fails with
 * RECTIFY_E_INTERRUPTED and changes nothing.
 */
public interface ProgressCallback extends Callback {
    int invoke(Pointer ctx, String operation, long done, long total);
}
