/* bpf(2): every command but BPF_PROG_LOAD (fam_bpf.c has it), each with its attributes
 * zeroed, filled with a byte pattern (unknown types and flags, bad descriptors, pointers
 * to unmapped memory), and with sizes ending inside and at each field strace 6.1 stops
 * at, past the struct with nonzero bytes there, over a page; NULL and unmapped attribute
 * pointers; then real objects when the kernel lets us (a map, a program): the map's
 * element calls, BPF_OBJ_GET_INFO_BY_FD on both, BPF_PROG_QUERY and BPF_TASK_FD_QUERY
 * that the kernel answers, LINK_CREATE's union members (iterator, perf event, kprobe
 * multi with readable arrays). */
#define _GNU_SOURCE
#include <linux/bpf.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define GARBAGE 0xdefaced00000000UL

static union {
	union bpf_attr attr;
	unsigned char bytes[4096];
} u;

static long sys_bpf(unsigned long cmd, void *attr, unsigned long size)
{
	return syscall(SYS_bpf, cmd, attr, size);
}

static void pattern(unsigned char seed)
{
	memset(&u, 0, sizeof(u));
	for (size_t i = 0; i < 256; i++)
		u.bytes[i] = (unsigned char)(seed + i * 37);
}

static const unsigned int sizes[] = { 1, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48,
	52, 56, 60, 64, 68, 72, 76, 80, 88, 96, 128, 200 };

static void sweep(unsigned int cmd)
{
	sys_bpf(cmd, NULL, 16);
	sys_bpf(cmd, (void *)8, 16);
	sys_bpf(cmd, &u, 0);
	sys_bpf(cmd, &u, 4097);
	memset(&u, 0, sizeof(u));
	sys_bpf(cmd, &u, 128);
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		pattern((unsigned char)(cmd * 11 + i));
		sys_bpf(GARBAGE | cmd, &u, GARBAGE | sizes[i]);
	}
	memset(&u, 0, sizeof(u));
	u.bytes[300] = 1;
	sys_bpf(cmd, &u, 400);
}

static char name[] = "0123456789abcdefXYZ";
static unsigned int ids[4] = { 1, 2, 3, 0xfeedface };
static unsigned long addrs[2] = { 0xffffffff81000000UL, 0 };
static const char *syms[2];

int main(void)
{
	int null_fd = open("/dev/null", O_RDONLY);
	unsigned char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
				   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	syms[0] = "bpf_fentry_test1";
	syms[1] = name;

	for (unsigned int cmd = 0; cmd <= BPF_LINK_GET_FD_BY_ID; cmd++) {
		if (cmd != BPF_PROG_LOAD)
			sweep(cmd);
	}
	sys_bpf(0x7f, &u, 16);

	/* readable pointers and descriptors in the attributes */
	memset(&u, 0, sizeof(u));
	u.attr.map_type = BPF_MAP_TYPE_ARRAY;
	u.attr.key_size = 4;
	u.attr.value_size = 8;
	u.attr.max_entries = 4;
	u.attr.map_flags = BPF_F_NUMA_NODE | BPF_F_RDONLY_PROG;
	u.attr.numa_node = 0;
	u.attr.inner_map_fd = null_fd;
	memcpy(u.attr.map_name, "test_map", 9);
	u.attr.map_ifindex = 1;
	sys_bpf(BPF_MAP_CREATE, &u, 72);
	u.attr.numa_node = -1;
	memcpy(u.attr.map_name, name, 16);
	sys_bpf(BPF_MAP_CREATE, &u, 64);

	memset(&u, 0, sizeof(u));
	u.attr.map_type = BPF_MAP_TYPE_ARRAY;
	u.attr.key_size = 4;
	u.attr.value_size = 8;
	u.attr.max_entries = 4;
	memcpy(u.attr.map_name, "map", 4);
	int map = sys_bpf(BPF_MAP_CREATE, &u, 72);

	unsigned int key = 1;
	unsigned long value = 42;
	memset(&u, 0, sizeof(u));
	u.attr.map_fd = map;
	u.attr.key = (unsigned long)&key;
	u.attr.value = (unsigned long)&value;
	u.attr.flags = BPF_EXIST;
	sys_bpf(BPF_MAP_UPDATE_ELEM, &u, 32);
	u.attr.flags = BPF_F_LOCK;
	sys_bpf(BPF_MAP_LOOKUP_ELEM, &u, 32);
	u.attr.flags = 0;
	sys_bpf(BPF_MAP_LOOKUP_ELEM, &u, 32);
	sys_bpf(BPF_MAP_GET_NEXT_KEY, &u, 24);
	sys_bpf(BPF_MAP_FREEZE, &u, 4);

	unsigned char info[256];
	memset(&u, 0, sizeof(u));
	u.attr.info.bpf_fd = map;
	u.attr.info.info_len = sizeof(info);
	u.attr.info.info = (unsigned long)info;
	sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &u, 16);
	u.attr.info.info_len = 40;
	sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &u, 16);
	u.attr.info.info_len = 24;
	sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &u, 16);
	u.attr.info.bpf_fd = null_fd;
	sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &u, 16);

	/* a program: r0 = 0; exit */
	static const struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = 0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	memset(&u, 0, sizeof(u));
	u.attr.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	u.attr.insn_cnt = 2;
	u.attr.insns = (unsigned long)insns;
	u.attr.license = (unsigned long)"GPL";
	memcpy(u.attr.prog_name, "prog", 5);
	int prog = sys_bpf(BPF_PROG_LOAD, &u, 72);

	memset(&u, 0, sizeof(u));
	u.attr.info.bpf_fd = prog;
	u.attr.info.info_len = 64;
	u.attr.info.info = (unsigned long)info;
	memset(info, 0, sizeof(info));
	sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &u, 16);

	memset(&u, 0, sizeof(u));
	u.attr.test.prog_fd = prog;
	u.attr.test.data_in = (unsigned long)page;
	u.attr.test.data_size_in = 64;
	u.attr.test.repeat = 1;
	sys_bpf(BPF_PROG_TEST_RUN, &u, 80);

	memset(&u, 0, sizeof(u));
	u.attr.query.target_fd = null_fd;
	u.attr.query.attach_type = BPF_CGROUP_INET_INGRESS;
	u.attr.query.prog_ids = (unsigned long)ids;
	u.attr.query.prog_cnt = 4;
	sys_bpf(BPF_PROG_QUERY, &u, 32);
	int cg = open("/sys/fs/cgroup", O_RDONLY | O_DIRECTORY);
	u.attr.query.target_fd = cg;
	sys_bpf(BPF_PROG_QUERY, &u, 32);

	memset(&u, 0, sizeof(u));
	u.attr.task_fd_query.pid = getpid();
	u.attr.task_fd_query.fd = prog;
	u.attr.task_fd_query.buf = (unsigned long)page;
	u.attr.task_fd_query.buf_len = 16;
	sys_bpf(BPF_TASK_FD_QUERY, &u, 48);

	memset(&u, 0, sizeof(u));
	u.attr.raw_tracepoint.name = (unsigned long)"sys_enter";
	u.attr.raw_tracepoint.prog_fd = prog;
	sys_bpf(BPF_RAW_TRACEPOINT_OPEN, &u, 16);

	memset(&u, 0, sizeof(u));
	u.attr.pathname = (unsigned long)"/sys/fs/bpf/pstrace-test-none/x";
	u.attr.bpf_fd = map;
	u.attr.file_flags = BPF_F_RDONLY;
	sys_bpf(BPF_OBJ_GET, &u, 16);

	memset(&u, 0, sizeof(u));
	u.attr.btf = (unsigned long)name;
	u.attr.btf_size = 8;
	u.attr.btf_log_buf = (unsigned long)page;
	u.attr.btf_log_size = 64;
	sys_bpf(BPF_BTF_LOAD, &u, 32);

	/* LINK_CREATE's union members */
	unsigned int iter_map[2] = { (unsigned int)map, (unsigned int)null_fd };
	memset(&u, 0, sizeof(u));
	u.attr.link_create.prog_fd = prog;
	u.attr.link_create.attach_type = BPF_TRACE_ITER;
	u.attr.link_create.iter_info = (unsigned long)iter_map;
	u.attr.link_create.iter_info_len = 2;
	sys_bpf(BPF_LINK_CREATE, &u, 48);
	memset(&u, 0, sizeof(u));
	u.attr.link_create.prog_fd = prog;
	u.attr.link_create.attach_type = BPF_PERF_EVENT;
	u.attr.link_create.perf_event.bpf_cookie = 0xfacefeed;
	sys_bpf(BPF_LINK_CREATE, &u, 48);
	memset(&u, 0, sizeof(u));
	u.attr.link_create.prog_fd = prog;
	u.attr.link_create.attach_type = BPF_TRACE_KPROBE_MULTI;
	u.attr.link_create.kprobe_multi.flags = BPF_F_KPROBE_MULTI_RETURN;
	u.attr.link_create.kprobe_multi.cnt = 2;
	u.attr.link_create.kprobe_multi.syms = (unsigned long)syms;
	u.attr.link_create.kprobe_multi.addrs = (unsigned long)addrs;
	u.attr.link_create.kprobe_multi.cookies = (unsigned long)addrs;
	sys_bpf(BPF_LINK_CREATE, &u, 48);
	memset(&u, 0, sizeof(u));
	u.attr.link_create.prog_fd = prog;
	u.attr.link_create.target_btf_id = 7;
	sys_bpf(BPF_LINK_CREATE, &u, 48);

	memset(&u, 0, sizeof(u));
	u.attr.link_update.link_fd = null_fd;
	u.attr.link_update.new_prog_fd = prog;
	u.attr.link_update.flags = BPF_F_REPLACE;
	u.attr.link_update.old_prog_fd = map;
	sys_bpf(BPF_LINK_UPDATE, &u, 16);

	/* the batch commands the kernel answers (count changes) */
	unsigned int keys[4], out_batch;
	unsigned long values[4];
	memset(&u, 0, sizeof(u));
	u.attr.batch.map_fd = map;
	u.attr.batch.keys = (unsigned long)keys;
	u.attr.batch.values = (unsigned long)values;
	u.attr.batch.out_batch = (unsigned long)&out_batch;
	u.attr.batch.count = 4;
	sys_bpf(BPF_MAP_LOOKUP_BATCH, &u, 56);
	u.attr.batch.count = 2;
	sys_bpf(BPF_MAP_UPDATE_BATCH, &u, 56);

	/* the *_GET_NEXT_ID ones that find something */
	memset(&u, 0, sizeof(u));
	sys_bpf(BPF_MAP_GET_NEXT_ID, &u, 12);
	sys_bpf(BPF_PROG_GET_NEXT_ID, &u, 8);
	return 0;
}
