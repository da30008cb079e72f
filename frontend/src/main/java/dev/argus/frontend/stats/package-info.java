/** Statistics over all files: detections per engine, agreement between engines, activity per day, verdicts. */
package dev.argus.frontend.stats;
