/* TEE ioctls on /dev/null (no TEE: the kernel fails them, or an injected success shows
 * the exit side): every request with a good, NULL, bad and page-cut pointer; session,
 * invoke and supplicant requests with consistent and inconsistent buffer lengths,
 * parameters of each kind, logins of each kind; shared memory flags known and unknown;
 * the vendor TEE_IOC_SHM_REGISTER_FD; an unknown 0xa4 number. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <linux/tee.h>

#define SHM_REGISTER_FD _IOWR(0xa4, 8, char[32])

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	unsigned long reqs[] = {
		TEE_IOC_VERSION, TEE_IOC_SHM_ALLOC, TEE_IOC_OPEN_SESSION, TEE_IOC_INVOKE,
		TEE_IOC_CANCEL, TEE_IOC_CLOSE_SESSION, TEE_IOC_SUPPL_RECV,
		TEE_IOC_SUPPL_SEND, TEE_IOC_SHM_REGISTER, SHM_REGISTER_FD,
	};
	/* a page at a fixed address, then an unmapped one */
	char *page = mmap((void *) 0x7e000000, 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	char *end = page + 4096;
	for (unsigned i = 0; i < 4096; i++)
		page[i] = (char) (i * 13 + 5);

	for (unsigned i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		ioctl(fd, reqs[i], page);
		ioctl(fd, reqs[i], 0);
		ioctl(-1, reqs[i], (void *) 8);
		ioctl(fd, reqs[i], end - 4);
	}

	/* an open session request with three parameters after it */
	struct {
		struct tee_ioctl_open_session_arg arg;
		struct tee_ioctl_param params[3];
	} open_req;
	memset(&open_req, 0, sizeof(open_req));
	memcpy(open_req.arg.uuid, "\x01\x23\x45\x67\x89\xab\xcd\xef\x01\x23\x45\x67\x89\xab\xcd\xef", 16);
	open_req.arg.num_params = 3;
	open_req.arg.cancel_id = 7;
	open_req.params[0].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT;
	open_req.params[0].a = 1;
	open_req.params[1].attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT | TEE_IOCTL_PARAM_ATTR_META;
	open_req.params[2].attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT;
	open_req.params[2].b = 0x1000;
	open_req.params[2].c = 4;
	struct tee_ioctl_buf_data buf = { (unsigned long) &open_req, sizeof(open_req) };
	unsigned logins[] = { TEE_IOCTL_LOGIN_PUBLIC, TEE_IOCTL_LOGIN_GROUP, 3, 0x80000000 };
	for (unsigned i = 0; i < 4; i++) {
		open_req.arg.clnt_login = logins[i];
		open_req.arg.clnt_uuid[0] = 0x2a;
		ioctl(fd, TEE_IOC_OPEN_SESSION, &buf);
	}
	buf.buf_len = sizeof(open_req) - 1;   /* inconsistent: the pointer only */
	ioctl(fd, TEE_IOC_OPEN_SESSION, &buf);
	buf.buf_len = 2048;
	ioctl(fd, TEE_IOC_OPEN_SESSION, &buf);

	struct {
		struct tee_ioctl_invoke_arg arg;
		struct tee_ioctl_param params[1];
	} invoke;
	memset(&invoke, 0, sizeof(invoke));
	invoke.arg.func = 3; invoke.arg.session = 0x10; invoke.arg.num_params = 1;
	invoke.params[0].attr = 0x42;
	buf.buf_ptr = (unsigned long) &invoke;
	buf.buf_len = sizeof(invoke);
	ioctl(fd, TEE_IOC_INVOKE, &buf);
	invoke.arg.num_params = 0;
	buf.buf_len = sizeof(invoke.arg);
	ioctl(fd, TEE_IOC_INVOKE, &buf);
	struct tee_iocl_supp_recv_arg recv = { 5, 0 };
	buf.buf_ptr = (unsigned long) &recv;
	buf.buf_len = sizeof(recv);
	ioctl(fd, TEE_IOC_SUPPL_RECV, &buf);
	ioctl(fd, TEE_IOC_SUPPL_SEND, &buf);

	struct tee_ioctl_cancel_arg cancel = { 1, 2 };
	ioctl(fd, TEE_IOC_CANCEL, &cancel);
	struct tee_ioctl_close_session_arg close_arg = { 0xabc };
	ioctl(fd, TEE_IOC_CLOSE_SESSION, &close_arg);
	struct tee_ioctl_shm_alloc_data alloc = { 4096, 0x1 | 0x100, -1 };
	ioctl(fd, TEE_IOC_SHM_ALLOC, &alloc);
	struct tee_ioctl_shm_register_data reg = { 0x7e000000, 4096, 0, 0 };
	ioctl(fd, TEE_IOC_SHM_REGISTER, &reg);
	struct { long long fd; unsigned long long size; unsigned flags, pad1; int id, pad2; }
		regfd = { 0, 0, 0x2, 0, 0, 0 };
	ioctl(fd, SHM_REGISTER_FD, &regfd);
	ioctl(fd, _IO(0xa4, 0x7e), page);
	return 0;
}
