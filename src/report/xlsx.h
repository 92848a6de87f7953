// Lotsen report: an XLSX workbook written through libxlsxwriter, which writes only to files.
#pragma once

#include <xlsxwriter.h>

#include <expected>
#include <functional>
#include <string>
#include <string_view>

#include "domain/error.h"

namespace lotsen {

// The bytes of a workbook titled `title` (author Lotsen) that `fill` writes its sheets into. Written
// through a temporary file in the system's temporary directory, removed after, also on failure.
// Errors: internal when the workbook cannot be created, written or read back. Thread-safe (one file each).
std::expected<std::string, Error> xlsxWorkbook(std::string_view title, const std::function<void(lxw_workbook*)>& fill);

}  // namespace lotsen
