#pragma once
// Tracking metrics against truth, all as values (no I/O): chi-square bounds,
// RMSE, NEES/NIS, OSPA, GOSPA, track continuity and impact-point error.

#include "rampart/track/metrics/chi_square.hpp"
#include "rampart/track/metrics/estimation_error.hpp"
#include "rampart/track/metrics/frame.hpp"
#include "rampart/track/metrics/gospa.hpp"
#include "rampart/track/metrics/ospa.hpp"
#include "rampart/track/metrics/track_continuity.hpp"
