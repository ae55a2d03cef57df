/**
 * @file
 * rectify/rectify.h: the whole C API of rectify, a library that tracks Party inspection rectification
 * work. Include this one header; rectify/common.h states the conventions every call follows, and
 * rectify/errors.h the result codes every call may return beside those its comment lists.
 */
#ifndef RECTIFY_H
#define RECTIFY_H

#include "common.h"
#include "errors.h"
#include "db.h"
#include "records.h"
#include "interchange.h"
#include "notice.h"
#include "calendar.h"
#include "access.h"
#include "audit.h"
#include "deadlines.h"
#include "followthrough.h"
#include "report.h"

#endif /* RECTIFY_H */
