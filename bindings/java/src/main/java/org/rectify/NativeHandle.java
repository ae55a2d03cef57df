package org.rectify;

import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.util.function.Consumer;

/**
 * A native handle and the function that frees it, freed exactly once: by close(), or by the
 * cleaner when a Java object that owns it is dropped unclosed (a long-running OA server must not
 * leak a handle per forgotten object). It holds no reference to its owner, or the owner would
 * never become unreachable.
 */
final class NativeHandle {
    private static final Cleaner CLEANER = Cleaner.create();

    private final State state;
    private final Cleaner.Cleanable cleanable;
    private final String closedMessage;

    private static final class State implements Runnable {
        private Pointer pointer;
        private final Consumer<Pointer> free;

        State(Pointer pointer, Consumer<Pointer> free) {
            this.pointer = pointer;
            this.free = free;
        }

        @Override
        public synchronized void run() {
            if (pointer != null) {
                Pointer p = pointer;
                pointer = null;
                free.accept(p);
            }
        }
    }

    NativeHandle(Object owner, Pointer pointer, Consumer<Pointer> free, String closedMessage) {
        this.state = new State(pointer, free);
        this.cleanable = CLEANER.register(owner, state);
        this.closedMessage = closedMessage;
    }

    /** The live pointer; RectifyException.Closed once freed. */
    Pointer get() {
        synchronized (state) {
            if (state.pointer == null) {
                throw new RectifyException.Closed(closedMessage);
            }
            return state.pointer;
        }
    }

    boolean isClosed() {
        synchronized (state) {
            return state.pointer == null;
        }
    }

    /** Frees the handle; later calls do nothing. */
    void close() {
        cleanable.clean();
    }
}
