/**
 * Everything the tablet pages need from the device store, behind one dynamic import so that Dexie and
 * the crypto code load after the shell has painted (first-load JS budget, issue 11 P4).
 */
export { basedOnForItem, buildView, type TabletView, type ViewAppointment, type ViewObservation } from "./view";
export { countPending, discard, enqueue, listEntries, rewrite, type OutboxEntry } from "./outbox";
export { notify, onStoreChange, syncNow, type SyncOutcome } from "./sync";
export { dropWorkingSet, loadWorkingSet } from "./working-set-store";
export { lastUser, lock, rememberPassword, setDisplayName, unlocked, unlockOnline, unlockWithPassword, wipeUser } from "./vault";
export { deviceId, endForSwitch, enrolledAides, enrolThisTablet, isEnrolled, switchWithPin, type EnrolledAide, type SwitchOutcome } from "./pin";
