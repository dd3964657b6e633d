#include "rampart/analysis/study_wire.hpp"

#include <bit>
#include <stdexcept>

namespace rampart::analysis {
namespace {

class Writer {
 public:
  void u64(std::uint64_t value) {
    for (int byte = 0; byte < 8; ++byte) bytes_.push_back(static_cast<char>((value >> (8 * byte)) & 0xffu));
  }
  void i64(std::int64_t value) { u64(static_cast<std::uint64_t>(value)); }
  void f64(double value) { u64(std::bit_cast<std::uint64_t>(value)); }
  void text(const std::string& value) {
    u64(value.size());
    bytes_ += value;
  }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

class Reader {
 public:
  explicit Reader(const std::string& bytes) : bytes_(bytes) {}
  std::uint64_t u64() {
    need(8);
    std::uint64_t value = 0;
    for (int byte = 0; byte < 8; ++byte) {
      value |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes_[at_ + byte])) << (8 * byte);
    }
    at_ += 8;
    return value;
  }
  std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
  int integer() { return static_cast<int>(i64()); }
  double f64() { return std::bit_cast<double>(u64()); }
  std::string text() {
    const std::uint64_t size = u64();
    need(size);
    std::string value = bytes_.substr(at_, size);
    at_ += size;
    return value;
  }
  /// A count of items of at least `min_item_bytes` each, checked against what is left
  /// (a corrupt count must not make us reserve gigabytes).
  std::uint64_t count(std::uint64_t min_item_bytes) {
    const std::uint64_t n = u64();
    if (n > (bytes_.size() - at_) / min_item_bytes) throw std::runtime_error("worker report: count beyond its bytes");
    return n;
  }
  void expect_end() const {
    if (at_ != bytes_.size()) throw std::runtime_error("worker report: bytes left over after the last record");
  }

 private:
  void need(std::uint64_t size) const {
    if (size > bytes_.size() - at_) throw std::runtime_error("worker report: truncated");
  }
  const std::string& bytes_;
  std::size_t at_ = 0;
};

}  // namespace

std::string encode_worker_report(const WorkerReport& report) {
  Writer out;
  out.u64(report.runs_wanted);
  out.u64(report.records.size());
  for (const auto& r : report.records) {
    out.u64(r.run_index);
    out.u64(r.seed);
    out.i64(r.leakers);
    out.i64(r.threats_killed);
    out.i64(r.interceptors_used);
    out.u64(r.asset_damage.size());
    for (const double d : r.asset_damage) out.f64(d);
    out.u64(r.engagements.size());
    for (const auto& e : r.engagements) {
      out.i64(e.interceptor);
      out.text(e.battery);
      out.text(e.threat);
      out.f64(e.launch_t_s);
      out.f64(e.intercept_t_s);
      out.f64(e.miss_m);
      out.u64(e.kill ? 1 : 0);
    }
  }
  return out.take();
}

WorkerReport decode_worker_report(const std::string& bytes) {
  Reader in(bytes);
  WorkerReport report;
  report.runs_wanted = static_cast<std::uint32_t>(in.u64());
  const std::uint64_t records = in.count(7 * 8);
  report.records.reserve(records);
  for (std::uint64_t i = 0; i < records; ++i) {
    RunRecord r;
    r.run_index = in.u64();
    r.seed = in.u64();
    r.leakers = in.integer();
    r.threats_killed = in.integer();
    r.interceptors_used = in.integer();
    const std::uint64_t assets = in.count(8);
    for (std::uint64_t a = 0; a < assets; ++a) r.asset_damage.push_back(in.f64());
    const std::uint64_t engagements = in.count(7 * 8);
    for (std::uint64_t k = 0; k < engagements; ++k) {
      EngagementRecord e;
      e.interceptor = in.integer();
      e.battery = in.text();
      e.threat = in.text();
      e.launch_t_s = in.f64();
      e.intercept_t_s = in.f64();
      e.miss_m = in.f64();
      e.kill = in.u64() != 0;
      r.engagements.push_back(std::move(e));
    }
    report.records.push_back(std::move(r));
  }
  in.expect_end();
  return report;
}

}  // namespace rampart::analysis
