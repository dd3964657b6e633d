#pragma once
// Text for XML documents (SVG, KML): the five predefined entities.

#include <string>

namespace rampart::io {

/// `text` with &, <, >, " and ' replaced by their XML entities.
std::string xml_escape(const std::string& text);

}  // namespace rampart::io
