/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

/* What libFuzzer calls; replay.c calls it too, on each file of a corpus.
 * A target that needs no set-up leaves LLVMFuzzerInitialize out. */
int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv) __attribute__ ((weak));
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);
