#ifndef CPPJIEBA_IMAGE_HPP
#define CPPJIEBA_IMAGE_HPP

// A dictionary image: everything Jieba loads from its five text files
// (dictionary trie with weights and tags, user words, HMM model, idf table,
// stop words), already parsed and laid out flat, so that loading is pointing
// at the bytes (typically a read-only mapping of a file) instead of parsing
// 600k lines and building 600k hash maps.
//
// Layout, in the byte order of the machine that wrote it (the header says
// which): a 64-byte header, a table of sections, then the sections, each
// 8-byte aligned. An image is checked for structural soundness on load
// (every index and offset in range, the trie acyclic, word lengths equal to
// trie depths), so a damaged one is refused instead of read out of bounds.

#include <stdint.h>
#include <string.h>
#include <string>
#include <vector>

namespace cppjieba {

const char IMAGE_MAGIC[8] = {'J', 'I', 'E', 'B', 'A', 'I', 'M', 'G'};
const uint32_t IMAGE_VERSION = 1;
const uint32_t IMAGE_BYTE_ORDER = 0x01020304;
const uint32_t IMAGE_NONE = 0xFFFFFFFFu;

struct ImageHeader {
  char magic[8];
  uint32_t version;
  uint32_t byte_order;
  uint64_t size;       // of the whole image
  uint32_t checksum;   // free for the caller (gojieba: CRC-32C of the bytes after the header)
  uint32_t n_sections;
  uint8_t reserved[32];
};

struct ImageSection {
  uint32_t id;
  uint32_t elem_size;
  uint64_t offset;
  uint64_t count;
};

enum ImageSectionID {
  IMG_META = 1,      // double[IMG_META_COUNT]
  IMG_UNITS = 2,     // DictUnit
  IMG_TAGS = 3,      // ImageString: the tag table
  IMG_STRINGS = 4,   // bytes every ImageString points into
  IMG_NODES = 5,     // ImageNode, root first, parents before children
  IMG_EDGES = 6,     // ImageEdge, sorted by rune within a node
  IMG_ROOT = 7,      // uint32[0x10000]: the root's child by BMP rune
  IMG_SINGLE = 8,    // Rune[], sorted: user words of one character
  IMG_HMM_PROB = 9,  // double[4 + 16]: start and transition probabilities
  IMG_HMM_EMIT = 10, // ImageEmit
  IMG_IDF = 11,      // ImageIdf, sorted by word bytes
  IMG_STOP = 12      // ImageString: stop words of the keyword extractor
};

enum ImageMeta {
  META_MIN_WEIGHT,
  META_MAX_WEIGHT,
  META_MEDIAN_WEIGHT,
  META_USER_DEFAULT_WEIGHT,
  META_FREQ_SUM,
  META_IDF_AVERAGE,
  IMG_META_COUNT
};

struct ImageString {
  uint32_t offset;
  uint32_t len;
};

struct ImageNode {
  uint32_t first_edge;
  uint32_t n_edges;
  uint32_t unit;  // IMAGE_NONE: no word ends here
};

struct ImageEdge {
  uint32_t rune;
  uint32_t child;
};

struct ImageEmit {
  double prob;
  uint32_t rune;
  uint32_t state;
};

struct ImageIdf {
  uint32_t offset;
  uint32_t len;
  double idf;
};

// ImageWriter lays out sections into one buffer.
class ImageWriter {
 public:
  template <class T>
  void Add(uint32_t id, const std::vector<T>& elems) {
    Add(id, sizeof(T), elems.empty() ? NULL : &elems[0], elems.size());
  }
  void Add(uint32_t id, uint32_t elem_size, const void* data, uint64_t count) {
    Pending p;
    p.section.id = id;
    p.section.elem_size = elem_size;
    p.section.count = count;
    p.section.offset = 0;
    p.bytes.assign(static_cast<const char*>(data), static_cast<size_t>(elem_size * count));
    pending_.push_back(p);
  }
  // AddString adds s to the string pool and returns where it is.
  ImageString AddString(const std::string& s) {
    ImageString r;
    r.offset = static_cast<uint32_t>(strings_.size());
    r.len = static_cast<uint32_t>(s.size());
    strings_ += s;
    return r;
  }
  void Finish(std::string& out) {
    Add(IMG_STRINGS, 1, strings_.data(), strings_.size());
    ImageHeader h;
    memset(&h, 0, sizeof(h));
    memcpy(h.magic, IMAGE_MAGIC, sizeof(h.magic));
    h.version = IMAGE_VERSION;
    h.byte_order = IMAGE_BYTE_ORDER;
    h.n_sections = static_cast<uint32_t>(pending_.size());
    uint64_t off = Align(sizeof(ImageHeader) + sizeof(ImageSection) * pending_.size());
    for (size_t i = 0; i < pending_.size(); i++) {
      pending_[i].section.offset = off;
      off = Align(off + pending_[i].bytes.size());
    }
    h.size = off;
    out.assign(static_cast<size_t>(off), '\0');
    memcpy(&out[0], &h, sizeof(h));
    for (size_t i = 0; i < pending_.size(); i++) {
      memcpy(&out[sizeof(ImageHeader) + i * sizeof(ImageSection)], &pending_[i].section, sizeof(ImageSection));
      if (!pending_[i].bytes.empty()) {
        memcpy(&out[static_cast<size_t>(pending_[i].section.offset)], pending_[i].bytes.data(), pending_[i].bytes.size());
      }
    }
  }

 private:
  static uint64_t Align(uint64_t n) { return (n + 7) & ~uint64_t(7); }
  struct Pending {
    ImageSection section;
    std::string bytes;
  };
  std::vector<Pending> pending_;
  std::string strings_;
};

// ImageView is a checked view of an image's sections. The bytes must
// outlive every object loaded from the view.
class ImageView {
 public:
  ImageView() : data_(NULL), size_(0) {}

  // Open checks the header and the section table; err says what is wrong.
  bool Open(const void* data, size_t size, std::string& err) {
    data_ = static_cast<const char*>(data);
    size_ = size;
    if (data_ == NULL || size_ < sizeof(ImageHeader) || reinterpret_cast<uintptr_t>(data_) % 8 != 0) {
      err = "image too short or misaligned";
      return false;
    }
    ImageHeader h;
    memcpy(&h, data_, sizeof(h));
    if (memcmp(h.magic, IMAGE_MAGIC, sizeof(h.magic)) != 0) {
      err = "not a jieba dictionary image";
      return false;
    }
    if (h.byte_order != IMAGE_BYTE_ORDER) {
      err = "image written on a machine of another byte order";
      return false;
    }
    if (h.version != IMAGE_VERSION) {
      err = "image of another version";
      return false;
    }
    if (h.size != size_) {
      err = "image truncated or padded";
      return false;
    }
    if (h.n_sections > 64 || sizeof(ImageHeader) + uint64_t(h.n_sections) * sizeof(ImageSection) > size_) {
      err = "bad section table";
      return false;
    }
    sections_.resize(h.n_sections);
    memcpy(sections_.empty() ? NULL : &sections_[0], data_ + sizeof(ImageHeader), sizeof(ImageSection) * h.n_sections);
    for (size_t i = 0; i < sections_.size(); i++) {
      const ImageSection& s = sections_[i];
      if (s.offset % 8 != 0 || s.offset > size_ || s.elem_size == 0 || s.count > (size_ - s.offset) / s.elem_size) {
        err = "section out of bounds";
        return false;
      }
    }
    return true;
  }

  // Section gives a section's elements, checking their size; count is 0
  // and the result NULL when the section is missing or malformed.
  template <class T>
  const T* Section(uint32_t id, size_t& count) const {
    count = 0;
    for (size_t i = 0; i < sections_.size(); i++) {
      if (sections_[i].id == id) {
        if (sections_[i].elem_size != sizeof(T)) {
          return NULL;
        }
        count = static_cast<size_t>(sections_[i].count);
        return reinterpret_cast<const T*>(data_ + sections_[i].offset);
      }
    }
    return NULL;
  }

  // Strings is the string pool.
  const char* Strings(size_t& n) const { return Section<char>(IMG_STRINGS, n); }

  // ValidString reports whether s lies inside a pool of n bytes.
  static bool ValidString(const ImageString& s, size_t n) {
    return s.offset <= n && s.len <= n - s.offset;
  }

 private:
  const char* data_;
  size_t size_;
  std::vector<ImageSection> sections_;
};

} // namespace cppjieba

#endif // CPPJIEBA_IMAGE_HPP
