/* Descriptor syscalls for the differential tests: pipe, pipe2, dup, dup2, dup3 and
 * every fcntl command, each succeeding and failing (EBADF, EFAULT, EINVAL).
 * Runs in the directory given as argv[1] (or the cwd). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef F_OFD_GETLK
#define F_OFD_GETLK 36
#define F_OFD_SETLK 37
#define F_OFD_SETLKW 38
#endif

int main(int argc, char **argv)
{
    void *bad = (void *)1;
    int p[2];

    if (argc > 1 && chdir(argv[1]) != 0)
        return 1;
    /* pipe / pipe2 */
    syscall(SYS_pipe, p);
    syscall(SYS_pipe, bad);
    syscall(SYS_pipe2, p, O_CLOEXEC);
    syscall(SYS_pipe2, p, O_NONBLOCK | O_CLOEXEC | O_DIRECT);
    syscall(SYS_pipe2, p, 0);
    syscall(SYS_pipe2, p, 0x1);
    syscall(SYS_pipe2, bad, 0);
    for (int i = 3; i < 11; i++)
        close(i);
    /* dup family */
    int fd = open("io_fd.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
    syscall(SYS_dup, fd);
    syscall(SYS_dup, -1);
    syscall(SYS_dup, 99);
    syscall(SYS_dup2, fd, 10);
    syscall(SYS_dup2, fd, fd);
    syscall(SYS_dup2, -1, 10);
    syscall(SYS_dup2, fd, -1);
    syscall(SYS_dup3, fd, 11, O_CLOEXEC);
    syscall(SYS_dup3, fd, 12, 0);
    syscall(SYS_dup3, fd, fd, 0);
    syscall(SYS_dup3, fd, 13, 0x4);
    syscall(SYS_dup3, -1, 13, 0);
    /* fcntl: descriptor flags */
    syscall(SYS_fcntl, fd, F_GETFD);
    syscall(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC);
    syscall(SYS_fcntl, fd, F_GETFD);
    syscall(SYS_fcntl, fd, F_SETFD, 0);
    syscall(SYS_fcntl, fd, F_GETFD);
    syscall(SYS_fcntl, fd, F_SETFD, 0x6);
    syscall(SYS_fcntl, -1, F_GETFD);
    /* status flags */
    syscall(SYS_fcntl, fd, F_GETFL);
    syscall(SYS_fcntl, fd, F_SETFL, O_NONBLOCK | O_APPEND);
    syscall(SYS_fcntl, fd, F_GETFL);
    syscall(SYS_fcntl, fd, F_SETFL, 0);
    syscall(SYS_fcntl, fd, F_SETFL, O_RDWR | 0x40000000);
    syscall(SYS_fcntl, -1, F_GETFL);
    syscall(SYS_fcntl, -1, F_SETFL, O_NONBLOCK);
    int rd = open("io_fd.tmp", O_RDONLY);
    syscall(SYS_fcntl, rd, F_GETFL);
    int wr = open("io_fd.tmp", O_WRONLY | O_APPEND | O_SYNC);
    syscall(SYS_fcntl, wr, F_GETFL);
    close(rd);
    close(wr);
    /* duplication */
    syscall(SYS_fcntl, fd, F_DUPFD, 20);
    syscall(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 30);
    syscall(SYS_fcntl, fd, F_DUPFD, -1);
    syscall(SYS_fcntl, -1, F_DUPFD_CLOEXEC, 0);
    /* locks */
    syscall(SYS_write, fd, "0123456789", 10);
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 5};
    syscall(SYS_fcntl, fd, F_SETLK, &fl);
    fl.l_type = F_RDLCK;
    fl.l_whence = SEEK_CUR;
    fl.l_start = -3;
    fl.l_len = 0;
    syscall(SYS_fcntl, fd, F_SETLKW, &fl);
    fl.l_type = F_UNLCK;
    fl.l_whence = SEEK_END;
    syscall(SYS_fcntl, fd, F_SETLK, &fl);
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = 1;
    fl.l_len = 2;
    syscall(SYS_fcntl, fd, F_GETLK, &fl);
    syscall(SYS_fcntl, fd, F_GETLK, bad);
    syscall(SYS_fcntl, fd, F_SETLK, bad);
    syscall(SYS_fcntl, fd, F_SETLKW, NULL);
    fl.l_type = 7;
    fl.l_whence = 9;
    syscall(SYS_fcntl, fd, F_SETLK, &fl);
    syscall(SYS_fcntl, -1, F_SETLK, &fl);
    syscall(SYS_fcntl, -1, F_GETLK, &fl);
    fl.l_type = F_UNLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = 0;
    fl.l_len = 0;
    syscall(SYS_fcntl, fd, F_SETLK, &fl);
    struct flock ofd = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 2, .l_len = 3};
    syscall(SYS_fcntl, fd, F_OFD_SETLK, &ofd);
    ofd.l_type = F_WRLCK;
    syscall(SYS_fcntl, fd, F_OFD_SETLKW, &ofd);
    ofd.l_type = F_RDLCK;
    syscall(SYS_fcntl, fd, F_OFD_GETLK, &ofd);
    ofd.l_pid = 5;
    syscall(SYS_fcntl, fd, F_OFD_SETLK, &ofd);
    syscall(SYS_fcntl, fd, F_OFD_GETLK, bad);
    /* owner, signal, pipe size, seals, notify, lease */
    syscall(SYS_fcntl, fd, F_GETOWN);
    syscall(SYS_fcntl, fd, F_SETOWN, 0);
    syscall(SYS_fcntl, -1, F_SETOWN, 1);
    syscall(SYS_fcntl, fd, F_GETSIG);
    syscall(SYS_fcntl, fd, F_SETSIG, SIGUSR1);
    syscall(SYS_fcntl, fd, F_GETSIG);
    syscall(SYS_fcntl, fd, F_SETSIG, SIGRTMIN + 2);
    syscall(SYS_fcntl, fd, F_GETSIG);
    syscall(SYS_fcntl, fd, F_SETSIG, 0);
    syscall(SYS_fcntl, fd, F_SETSIG, 200);
    struct f_owner_ex own = {.type = F_OWNER_PGRP, .pid = 0};
    syscall(SYS_fcntl, fd, F_SETOWN_EX, &own);
    syscall(SYS_fcntl, fd, F_GETOWN_EX, &own);
    syscall(SYS_fcntl, fd, F_GETOWN_EX, bad);
    own.type = 9;
    syscall(SYS_fcntl, fd, F_SETOWN_EX, &own);
    syscall(SYS_pipe2, p, 0);
    syscall(SYS_fcntl, p[0], F_GETPIPE_SZ);
    syscall(SYS_fcntl, p[0], F_GETFL);
    syscall(SYS_fcntl, p[1], F_GETFL);
    syscall(SYS_fcntl, p[0], F_SETPIPE_SZ, -5L);
    syscall(SYS_fcntl, p[0], F_DUPFD, -5L);
    syscall(SYS_fcntl, p[0], F_SETOWN, -5L);
    syscall(SYS_fcntl, p[0], F_SETSIG, -5L);
    syscall(SYS_fcntl, p[0], F_SETFD, -5L);
    syscall(SYS_fcntl, p[0], F_SETFL, -5L);
    syscall(SYS_fcntl, p[0], F_NOTIFY, -5L);
    syscall(SYS_fcntl, p[0], F_SETLEASE, -5L);
    syscall(SYS_fcntl, p[0], F_ADD_SEALS, -5L);
    syscall(SYS_fcntl, p[0], F_SETFD, FD_CLOEXEC);
    syscall(SYS_fcntl, p[0], F_DUPFD_CLOEXEC, 0);
    syscall(SYS_fcntl, p[0], F_GETFD);
    syscall(SYS_fcntl, p[0], F_SETPIPE_SZ, 8192);
    syscall(SYS_fcntl, p[0], F_SETPIPE_SZ, -1);
    syscall(SYS_fcntl, fd, F_GETPIPE_SZ);
    int mfd = syscall(SYS_memfd_create, "seal", 2 /* MFD_ALLOW_SEALING */);
    syscall(SYS_fcntl, mfd, F_GET_SEALS);
    syscall(SYS_fcntl, mfd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW);
    syscall(SYS_fcntl, mfd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_SEAL);
    syscall(SYS_fcntl, mfd, F_GET_SEALS);
    syscall(SYS_fcntl, mfd, F_ADD_SEALS, 0x100);
    syscall(SYS_fcntl, fd, F_GET_SEALS);
    syscall(SYS_fcntl, fd, F_NOTIFY, DN_MODIFY | DN_CREATE | DN_MULTISHOT);
    syscall(SYS_fcntl, fd, F_NOTIFY, 0);
    int dfd = open(".", O_RDONLY | O_DIRECTORY);
    syscall(SYS_fcntl, dfd, F_NOTIFY, DN_ACCESS | DN_DELETE | DN_RENAME | DN_ATTRIB);
    syscall(SYS_fcntl, dfd, F_NOTIFY, 0);
    syscall(SYS_fcntl, fd, F_GETLEASE);
    syscall(SYS_fcntl, fd, F_SETLEASE, F_UNLCK);
    syscall(SYS_fcntl, fd, F_SETLEASE, F_WRLCK);
    syscall(SYS_fcntl, fd, F_SETLEASE, 5);
    syscall(SYS_fcntl, fd, 1234, 7);
    syscall(SYS_fcntl, fd, F_GET_RW_HINT, NULL);
    syscall(SYS_fcntl, fd, 17 /* F_GETOWNER_UIDS */, 3);
    syscall(SYS_fcntl, fd, 1029 /* F_CANCELLK */, 3);
    close(fd);
    unlink("io_fd.tmp");
    return 0;
}
