package org.custos.core.detector;

/** A SignalSink receives the signals detectors raise. */
@FunctionalInterface
public interface SignalSink {

    /** Takes one signal. */
    void accept(Signal signal);
}
