/* bpf(2) BPF_PROG_LOAD with valid and invalid arguments: every field, sizes ending at
 * each field strace 6.1 stops at (and inside prog_name), nonzero bytes past the
 * struct, zero size, a size over a page, NULL and bad attribute pointers, an unknown
 * command, unknown program types, attach types and flags, a name without its NUL,
 * garbage in the upper 32 bits of cmd and size.  The instructions point to unmapped
 * memory (the load fails before the verifier writes its log). */
#define _GNU_SOURCE
#include <linux/bpf.h>
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define GARBAGE 0xdefaced00000000UL

static union {
	union bpf_attr attr;
	unsigned char bytes[256];
} u;

static long sys_bpf(unsigned long cmd, void *attr, unsigned long size)
{
	return syscall(SYS_bpf, cmd, attr, size);
}

static char log_buf[64] = "verifier log";
static int null_fd;

static void prog(void)
{
	memset(&u, 0, sizeof(u));
	u.attr.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	u.attr.insn_cnt = 2;
	u.attr.insns = 8;
	u.attr.license = (unsigned long)"GPL";
	u.attr.log_level = 1;
	u.attr.log_size = sizeof(log_buf);
	u.attr.log_buf = (unsigned long)log_buf;
	u.attr.kern_version = (5 << 16) | (10 << 8) | 3;
	u.attr.prog_flags = BPF_F_STRICT_ALIGNMENT | BPF_F_SLEEPABLE;
	strcpy(u.attr.prog_name, "test_prog");
	u.attr.prog_ifindex = 1;
	u.attr.expected_attach_type = BPF_CGROUP_INET_EGRESS;
	u.attr.prog_btf_fd = 0;
	u.attr.func_info_rec_size = 8;
	u.attr.func_info = 0x1000;
	u.attr.func_info_cnt = 3;
	u.attr.line_info_rec_size = 16;
	u.attr.line_info = 0x2000;
	u.attr.line_info_cnt = 4;
	u.attr.attach_btf_id = 77;
	u.attr.attach_prog_fd = null_fd;
	u.attr.fd_array = 0x3000;
}

int main(void)
{
	static const unsigned int sizes[] = { 1, 24, 28, 40, 44, 48, 52, 64, 68, 72, 108, 112,
		120, 128, 200 };
	null_fd = open("/dev/null", O_RDONLY);
	sys_bpf(BPF_PROG_LOAD, NULL, 128);
	sys_bpf(BPF_PROG_LOAD, (void *)8, 128);
	sys_bpf(GARBAGE | BPF_PROG_LOAD, &u, GARBAGE | 0);
	sys_bpf(BPF_PROG_LOAD, &u, 8192);
	sys_bpf(GARBAGE | 0x64, &u, 128);
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		prog();
		sys_bpf(BPF_PROG_LOAD, &u, sizes[i]);
	}
	prog();
	u.bytes[150] = 0x5a;
	sys_bpf(BPF_PROG_LOAD, &u, 160);
	prog();
	u.attr.prog_type = 0x77;
	u.attr.expected_attach_type = 0x99;
	u.attr.prog_flags = 0xffff0000;
	memset(u.attr.prog_name, 'x', sizeof(u.attr.prog_name));
	u.attr.license = 8;
	u.attr.log_buf = 0;
	u.attr.kern_version = 0xcafef00d;
	u.attr.prog_ifindex = 0xdead;
	sys_bpf(BPF_PROG_LOAD, &u, 128);
	prog();
	u.attr.prog_flags = BPF_F_ANY_ALIGNMENT | 0x100;
	u.attr.log_size = 4;
	sys_bpf(BPF_PROG_LOAD, &u, 128);
	return 0;
}
