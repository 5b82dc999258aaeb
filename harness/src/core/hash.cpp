// SHA-256 content addresses, computed by OpenSSL's libcrypto (EVP), which has been checked far
// more widely than any copy of FIPS 180-4 we could keep.
#include "rtlarena/core/hash.h"

#include <openssl/evp.h>

#include "rtlarena/core/check.h"

namespace rtlarena {

std::string sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  // EVP_Digest fails only when libcrypto cannot allocate or has no SHA-256 provider loaded:
  // a broken installation, not something a caller could handle.
  bool ok = EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr) == 1;
  RTLARENA_CHECK(ok && size == 32, "libcrypto could not compute SHA-256");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * size);
  for (unsigned int i = 0; i < size; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0xF]);
  }
  return out;
}

}  // namespace rtlarena
