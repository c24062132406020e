/**
 * Holdfast's data holds personal information about residents, patients and staff, so on macOS
 * and Linux every folder it creates is readable by its own user only (0700) and every file too
 * (0600). Windows ignores these modes; there the user's profile folder is already private.
 * Folders that exist already (one a provider chose to share, say) are left as they are.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** The options for a `mkdir` that creates any missing folders private to the user. */
export const PRIVATE_DIRS = { recursive: true, mode: PRIVATE_DIR_MODE } as const;
