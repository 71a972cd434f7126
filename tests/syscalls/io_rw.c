/* I/O syscalls for the differential tests: read/write and their vectored and positional
 * forms, lseek, sendfile, splice, tee, copy_file_range; each succeeding and failing
 * (EBADF, EFAULT, EINVAL), with short, long and binary buffers.  Deterministic: runs in
 * a fresh temporary directory given as argv[1] (or the cwd). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#ifndef RWF_HIPRI
#define RWF_HIPRI 1
#endif
#ifndef RWF_NOWAIT
#define RWF_NOWAIT 8
#endif

static char big[200];
static const char bin[] = "\0\1\2\3\377\376abc\n\t\"\\x\x7f";

int main(int argc, char **argv)
{
    char buf[256];
    void *bad = (void *)1;

    if (argc > 1 && chdir(argv[1]) != 0)
        return 1;
    for (int i = 0; i < (int)sizeof big; i++)
        big[i] = 'a' + i % 26;

    int fd = open("io_rw.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
    /* write: short, long, binary, zero length, failures */
    syscall(SYS_write, fd, "hello", 5);
    syscall(SYS_write, fd, big, sizeof big);
    syscall(SYS_write, fd, bin, sizeof bin - 1);
    syscall(SYS_write, fd, "", 0);
    syscall(SYS_write, fd, "1234567", 7);
    syscall(SYS_write, fd, "12345678", 8);
    syscall(SYS_write, fd, "123456789", 9);
    syscall(SYS_write, -1, "abc", 3);
    syscall(SYS_write, 99, "abc", 3);
    syscall(SYS_write, fd, bad, 3);
    syscall(SYS_write, fd, NULL, 3);
    /* lseek */
    syscall(SYS_lseek, fd, 0, SEEK_SET);
    syscall(SYS_lseek, fd, 3, SEEK_CUR);
    syscall(SYS_lseek, fd, (off_t)-2, SEEK_END);
    syscall(SYS_lseek, fd, 0, SEEK_DATA);
    syscall(SYS_lseek, fd, 0, SEEK_HOLE);
    syscall(SYS_lseek, fd, 0, 77);
    syscall(SYS_lseek, fd, (off_t)-100, SEEK_SET);
    syscall(SYS_lseek, -1, 0, SEEK_SET);
    syscall(SYS_lseek, fd, 0, SEEK_SET);
    /* read: short, long, binary, at EOF, failures */
    syscall(SYS_read, fd, buf, 5);
    syscall(SYS_read, fd, buf, 100);
    syscall(SYS_read, fd, buf, 150);
    syscall(SYS_read, fd, buf, sizeof buf);
    syscall(SYS_read, fd, buf, 0);
    syscall(SYS_read, -1, buf, 10);
    syscall(SYS_read, fd, bad, 10);
    syscall(SYS_lseek, fd, 0, SEEK_SET);
    syscall(SYS_read, fd, bad, 10);
    syscall(SYS_read, fd, NULL, 10);
    /* pread64/pwrite64 */
    syscall(SYS_pwrite64, fd, "XYZ", 3, 2);
    syscall(SYS_pwrite64, fd, big, 40, 1000);
    syscall(SYS_pwrite64, fd, "XYZ", 3, (off_t)-1);
    syscall(SYS_pwrite64, -1, "XYZ", 3, 0);
    syscall(SYS_pwrite64, fd, bad, 3, 0);
    syscall(SYS_pread64, fd, buf, 10, 0);
    syscall(SYS_pread64, fd, buf, 10, 5000);
    syscall(SYS_pread64, fd, buf, 10, (off_t)-1);
    syscall(SYS_pread64, -1, buf, 10, 0);
    syscall(SYS_pread64, fd, bad, 10, 0);

    /* readv/writev */
    struct iovec wv[4] = {
        {"abc", 3}, {"defghijklmnopqrstuvwxyz", 23}, {(void *)bin, sizeof bin - 1}, {big, 60},
    };
    syscall(SYS_lseek, fd, 0, SEEK_SET);
    syscall(SYS_writev, fd, wv, 4);
    syscall(SYS_writev, fd, wv, 1);
    syscall(SYS_writev, fd, wv, 0);
    syscall(SYS_writev, -1, wv, 2);
    syscall(SYS_writev, fd, bad, 2);
    struct iovec wbad[2] = {{"ok", 2}, {bad, 5}};
    syscall(SYS_writev, fd, wbad, 2);
    /* more elements than strace prints without -v (its array limit is -s) */
    struct iovec many[40];
    char mbuf[40];
    for (int i = 0; i < 40; i++) {
        many[i].iov_base = big + i;
        many[i].iov_len = 2;
    }
    syscall(SYS_writev, fd, many, 40);
    for (int i = 0; i < 40; i++)
        many[i].iov_base = mbuf + i, many[i].iov_len = 1;
    syscall(SYS_lseek, fd, 0, SEEK_SET);
    syscall(SYS_readv, fd, many, 40);
    syscall(SYS_readv, fd, many, 9);
    char r1[4], r2[8], r3[40], r4[200];
    struct iovec rv[4] = {{r1, sizeof r1}, {r2, sizeof r2}, {r3, sizeof r3}, {r4, sizeof r4}};
    syscall(SYS_lseek, fd, 0, SEEK_SET);
    syscall(SYS_readv, fd, rv, 4);
    syscall(SYS_lseek, fd, 0, SEEK_SET);
    syscall(SYS_readv, fd, rv, 2);
    syscall(SYS_lseek, fd, 0, SEEK_SET);
    syscall(SYS_readv, fd, rv, 3);
    syscall(SYS_readv, fd, rv, 0);
    syscall(SYS_readv, -1, rv, 2);
    syscall(SYS_readv, fd, bad, 2);
    /* preadv/pwritev (the offset is passed split in two registers on x86_64: lo, hi) */
    syscall(SYS_pwritev, fd, wv, 2, 7, 0);
    syscall(SYS_pwritev, -1, wv, 2, 0, 0);
    syscall(SYS_pwritev, fd, wv, 2, -1L, -1L);
    syscall(SYS_preadv, fd, rv, 3, 2, 0);
    syscall(SYS_preadv, fd, rv, 3, 100000, 0);
    syscall(SYS_preadv, -1, rv, 2, 0, 0);
    syscall(SYS_preadv, fd, bad, 2, 0, 0);
    syscall(SYS_pwritev2, fd, wv, 2, 7, 0, 0);
    syscall(SYS_pwritev2, fd, wv, 2, -1L, -1L, 0);
    syscall(SYS_pwritev2, fd, wv, 2, 0, 0, RWF_HIPRI | 0x100);
    syscall(SYS_pwritev2, -1, wv, 2, 0, 0, 0x20);
    syscall(SYS_preadv2, fd, rv, 3, 2, 0, 0);
    syscall(SYS_preadv2, fd, rv, 3, -1L, -1L, RWF_NOWAIT);
    syscall(SYS_preadv2, fd, rv, 1, 0, 0, 0xff00);
    syscall(SYS_preadv2, -1, rv, 2, 0, 0, 0);

    /* sendfile, splice, tee, copy_file_range */
    int out = open("io_rw.out", O_RDWR | O_CREAT | O_TRUNC, 0600);
    off_t off = 2;
    loff_t lo_in = 1, lo_out = 0;
    syscall(SYS_sendfile, out, fd, &off, 10);
    syscall(SYS_sendfile, out, fd, NULL, 10);
    syscall(SYS_sendfile, out, fd, bad, 10);
    syscall(SYS_sendfile, -1, fd, NULL, 10);
    off = -3;   /* strace prints sendfile's offset unsigned */
    syscall(SYS_sendfile, out, fd, &off, 10);
    off = 1 << 20;   /* past the end: it returns 0, and strace prints no "=> [...]" */
    syscall(SYS_sendfile, out, fd, &off, 10);
    lo_in = -5;
    syscall(SYS_copy_file_range, fd, &lo_in, out, NULL, 1, 0);
    lo_in = 1;
    syscall(SYS_copy_file_range, fd, &lo_in, out, &lo_out, 20, 0);
    syscall(SYS_copy_file_range, fd, NULL, out, NULL, 5, 0);
    syscall(SYS_copy_file_range, fd, NULL, out, NULL, 5, 1);
    syscall(SYS_copy_file_range, -1, NULL, out, NULL, 5, 0);
    syscall(SYS_copy_file_range, fd, bad, out, NULL, 5, 0);
    int p[2], q[2];
    pipe(p);
    pipe(q);
    syscall(SYS_write, p[1], "pipe data", 9);
    syscall(SYS_tee, p[0], q[1], 100, SPLICE_F_NONBLOCK);
    syscall(SYS_tee, p[0], q[1], 100, 0xff);
    syscall(SYS_tee, -1, q[1], 100, 0);
    lo_out = 3;
    syscall(SYS_splice, p[0], NULL, out, &lo_out, 4, SPLICE_F_MOVE | SPLICE_F_MORE);
    lo_in = 0;
    syscall(SYS_splice, fd, &lo_in, p[1], NULL, 16, SPLICE_F_GIFT);
    syscall(SYS_splice, p[0], NULL, q[1], NULL, 100, 0);
    syscall(SYS_splice, -1, NULL, q[1], NULL, 100, 0);
    syscall(SYS_splice, fd, bad, p[1], NULL, 16, 0);
    syscall(SYS_splice, p[0], NULL, out, NULL, 1, 0x10);
    close(out);
    close(fd);
    unlink("io_rw.out");
    unlink("io_rw.tmp");
    return 0;
}
