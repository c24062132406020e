/// <reference types="electron" />
// The Electron glue types its injected parameters with the global `Electron` namespace. This
// reference makes those types visible to every file under main/ without an import of 'electron',
// which would load the binary at run time (tests have none) and which lint forbids outside index.ts.
