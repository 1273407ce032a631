/*
 * version: likely's version, as --version and the reports print it.
 */
#ifndef LIKELY_VERSION_H
#define LIKELY_VERSION_H

#define LIKELY_VERSION "0.1.0"

#endif
