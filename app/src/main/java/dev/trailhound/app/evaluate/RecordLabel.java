package dev.trailhound.app.evaluate;

/**
 * The label of one record of a labelled capture.
 *
 * @param call      "service:EventName"
 * @param technique the technique it belongs to, or null
 * @param phase     its label: for Invictus the phase (detonation, warmup, revert, background...), for OTRF
 *                  malicious or benign
 * @param key       one of the calls the technique's documentation says to alert on
 */
record RecordLabel(String call, String technique, String phase, boolean key) {
}
