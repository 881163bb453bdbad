/**
 * Huifu's notifications as the callback gateway published them on {@code huifu.notifications}: each is verified
 * again, de-duplicated through the inbox of processed ids, matched to its withdrawal by serial and applied as
 * evidence; a notice for a serial not known yet is kept and applied once it is.
 */
package io.payout.orchestrator.notification;
