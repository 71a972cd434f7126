/* keyctl with every command (tests/differential/test_misc_admin.py): on a key and a
 * keyring of this process's own keyrings (gone when it exits), on special and bogus
 * key ids; NULL and unreadable pointers, garbage in the upper half of int arguments,
 * unknown commands, flags and permission bits, buffers cut by -s and by an unmapped
 * page, the structs of DH_COMPUTE and the PKEY commands. */
#define _GNU_SOURCE
#include <linux/keyctl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#define K(...) syscall(SYS_keyctl, __VA_ARGS__)

int main(void)
{
	long garbage = (long)0xdefaced00000000ULL;
	char *page = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *end = page + 4096;	/* unmapped */
	char buf[256];
	struct keyctl_dh_params dh = { .private = KEY_SPEC_GROUP_KEYRING, .prime = 1234,
				       .base = -5 };
	struct keyctl_kdf_params kdf = { .hashname = "sha256", .otherinfo = "\1\2\3",
					 .otherinfolen = 3 };
	struct keyctl_pkey_params pk = { .key_id = KEY_SPEC_PROCESS_KEYRING, .in_len = 4,
					 .out_len = 8 };
	struct keyctl_pkey_query q;
	struct iovec iov[2] = { { "payload", 7 }, { end, 4 } };
	long key, ring;

	munmap(end, 4096);
	key = syscall(SYS_add_key, "user", "pstrace:test", "secret\0data", 11,
		      KEY_SPEC_PROCESS_KEYRING);
	ring = syscall(SYS_add_key, "keyring", "pstrace:ring", NULL, 0,
		       KEY_SPEC_PROCESS_KEYRING);

	K(KEYCTL_GET_KEYRING_ID, KEY_SPEC_PROCESS_KEYRING, 0);
	K(garbage | KEYCTL_GET_KEYRING_ID, garbage | -12345, garbage | 1);
	K(KEYCTL_JOIN_SESSION_KEYRING, NULL);
	K(KEYCTL_JOIN_SESSION_KEYRING, end - 3);
	K(KEYCTL_JOIN_SESSION_KEYRING, "pstrace: a session keyring with a long name");
	K(KEYCTL_UPDATE, key, "new\0value", 9);
	K(KEYCTL_UPDATE, garbage | -7, end - 2, 16);
	K(KEYCTL_REVOKE, -12345);
	K(KEYCTL_CHOWN, key, -1, -1);
	K(KEYCTL_CHOWN, garbage | -12345, garbage | 1000, 3000000000UL);
	K(KEYCTL_SETPERM, key, 0x3f3f0000);
	K(KEYCTL_SETPERM, -12345, 0x3f3f3f3f | 0xc0c0c0c0);
	K(KEYCTL_SETPERM, -12345, 0xc0c0c0c0);
	K(KEYCTL_SETPERM, -12345, 0);
	K(KEYCTL_DESCRIBE, key, buf, sizeof buf);
	K(KEYCTL_DESCRIBE, key, buf, 5);
	K(KEYCTL_DESCRIBE, key, NULL, 0);
	K(KEYCTL_DESCRIBE, -12345, end, 16);
	K(KEYCTL_READ, key, buf, sizeof buf);
	K(KEYCTL_READ, key, buf, 3);
	K(KEYCTL_READ, key, end - 4, 64);
	K(KEYCTL_READ, ring, buf, sizeof buf);
	K(KEYCTL_GET_SECURITY, key, buf, sizeof buf);
	K(KEYCTL_GET_SECURITY, -12345, NULL, -1L);
	K(KEYCTL_CLEAR, -12345);
	K(KEYCTL_LINK, key, ring);
	K(KEYCTL_UNLINK, key, ring);
	K(KEYCTL_LINK, garbage | -1, garbage | -12345);
	K(KEYCTL_SEARCH, ring, "user", "pstrace:test", 0);
	K(KEYCTL_SEARCH, KEY_SPEC_PROCESS_KEYRING, "user", "pstrace:test", 0);
	K(KEYCTL_SEARCH, -12345, NULL, end - 1, garbage | KEY_SPEC_THREAD_KEYRING);
	K(KEYCTL_INSTANTIATE, -12345, "data", 4, KEY_SPEC_SESSION_KEYRING);
	K(KEYCTL_INSTANTIATE, 0, end - 2, 32, garbage | 0);
	K(KEYCTL_NEGATE, -12345, 60, KEY_SPEC_USER_KEYRING);
	K(KEYCTL_NEGATE, garbage | -12345, garbage | 3000000000UL, -1);
	K(KEYCTL_SET_REQKEY_KEYRING, KEY_REQKEY_DEFL_NO_CHANGE);
	K(KEYCTL_SET_REQKEY_KEYRING, garbage | 12345);
	K(KEYCTL_SET_TIMEOUT, key, 3600);
	K(KEYCTL_SET_TIMEOUT, -12345, garbage | 4000000000UL);
	K(KEYCTL_ASSUME_AUTHORITY, 0);
	K(KEYCTL_ASSUME_AUTHORITY, -12345);
	K(KEYCTL_SESSION_TO_PARENT, garbage);
	K(KEYCTL_REJECT, -12345, 10, 19 /* ENODEV */, KEY_SPEC_PROCESS_KEYRING);
	K(KEYCTL_REJECT, -12345, 10, 4000, 0);
	K(KEYCTL_INSTANTIATE_IOV, -12345, iov, 1, 0);
	K(KEYCTL_INSTANTIATE_IOV, -12345, iov, 2, 0);
	K(KEYCTL_INSTANTIATE_IOV, -12345, end, 2, 0);
	K(KEYCTL_INVALIDATE, -12345);
	K(KEYCTL_GET_PERSISTENT, garbage | 4000000000UL, -12345);
	K(KEYCTL_GET_PERSISTENT, -1, garbage | KEY_SPEC_REQKEY_AUTH_KEY);
	K(KEYCTL_DH_COMPUTE, NULL, NULL, 0, NULL);
	K(KEYCTL_DH_COMPUTE, end - 4, buf, sizeof buf, NULL);
	K(KEYCTL_DH_COMPUTE, &dh, buf, sizeof buf, NULL);
	K(KEYCTL_DH_COMPUTE, &dh, buf, -1L, &kdf);
	kdf.otherinfolen = 0;
	kdf.__spare[3] = 0xdead;
	K(KEYCTL_DH_COMPUTE, &dh, buf, 16, &kdf);
	K(KEYCTL_DH_COMPUTE, &dh, buf, 16, end - 8);
	K(KEYCTL_PKEY_QUERY, key, 0, "enc=raw", &q);
	K(KEYCTL_PKEY_QUERY, -12345, garbage, end - 1, NULL);
	K(KEYCTL_PKEY_ENCRYPT, &pk, "enc=pkcs1", "abcd", buf);
	K(KEYCTL_PKEY_DECRYPT, NULL, NULL, NULL, NULL);
	K(KEYCTL_PKEY_SIGN, end - 4, "x", buf, buf);
	pk.__spare[2] = 7;
	K(KEYCTL_PKEY_SIGN, &pk, "enc=pkcs1", "abcd", buf);
	K(KEYCTL_PKEY_VERIFY, &pk, "enc=pkcs1", "abcd", "sig\0sig\0");
	K(KEYCTL_RESTRICT_KEYRING, ring, "asymmetric", NULL);
	K(KEYCTL_RESTRICT_KEYRING, -12345, end - 1, "builtin_trusted");
	K(KEYCTL_MOVE, key, KEY_SPEC_PROCESS_KEYRING, ring, KEYCTL_MOVE_EXCL);
	K(KEYCTL_MOVE, -12345, garbage | -1, -2, 0xfffffffe);
	K(KEYCTL_MOVE, -12345, -1, -2, garbage | 0);
	K(KEYCTL_CAPABILITIES, buf, 2);
	K(KEYCTL_CAPABILITIES, buf, sizeof buf);
	K(KEYCTL_CAPABILITIES, NULL, 0);
	K(KEYCTL_CAPABILITIES, end - 1, 8);
	K(KEYCTL_WATCH_KEY, -12345, -1, 0);
	K(0xfacefeed, garbage | 1, 2, end, -1L);
	K(garbage | 0xff, 0, 0, 0, 0);
	K(KEYCTL_REVOKE, key);
	K(KEYCTL_READ, key, buf, sizeof buf);
	return 0;
}
