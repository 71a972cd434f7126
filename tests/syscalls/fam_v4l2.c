/* Video4Linux2 ioctls on /dev/null (they fail with ENOTTY, or succeed under
 * -e inject=ioctl:retval=0 so that the output fields print): every decoded request
 * with readable, filled structures (known and unknown buffer types, control ids named,
 * in a class and unknown, capabilities with and without device_caps, fourcc
 * characters that need escapes), NULL and an unmapped address; formats of every buffer
 * type (window clips read, NULL and unmapped), buffers of each memory kind with every
 * timestamp flag field, extended controls (none, values, strings, an array cut by an
 * unmapped page), CREATE_BUFS, QUERY_EXT_CTRL; an undecoded request, an unknown 'V'
 * request, and a VT request of the same type. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/videodev2.h>
#include <linux/vt.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

static const unsigned long requests[] = {
	VIDIOC_QUERYCAP, VIDIOC_ENUM_FMT, VIDIOC_REQBUFS, VIDIOC_G_FBUF, VIDIOC_S_FBUF,
	VIDIOC_STREAMON, VIDIOC_STREAMOFF, VIDIOC_G_STD, VIDIOC_S_STD, VIDIOC_ENUMSTD,
	VIDIOC_ENUMINPUT, VIDIOC_G_CTRL, VIDIOC_S_CTRL, VIDIOC_G_INPUT, VIDIOC_S_INPUT,
	VIDIOC_CROPCAP, VIDIOC_G_CROP, VIDIOC_S_CROP, VIDIOC_ENUM_FRAMESIZES,
	VIDIOC_ENUM_FRAMEINTERVALS, VIDIOC_G_TUNER, VIDIOC_S_TUNER, VIDIOC_QUERYCTRL,
	VIDIOC_G_PARM, VIDIOC_S_PARM, VIDIOC_G_FMT, VIDIOC_S_FMT, VIDIOC_TRY_FMT,
	VIDIOC_QUERYBUF, VIDIOC_QBUF, VIDIOC_DQBUF, VIDIOC_G_EXT_CTRLS, VIDIOC_S_EXT_CTRLS,
	VIDIOC_TRY_EXT_CTRLS, VIDIOC_CREATE_BUFS, VIDIOC_QUERY_EXT_CTRL,
};

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	void *bad = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	union {
		struct v4l2_capability cap;
		struct v4l2_fmtdesc fmtdesc;
		struct v4l2_requestbuffers reqbufs;
		struct v4l2_framebuffer fbuf;
		struct v4l2_standard std;
		struct v4l2_input input;
		struct v4l2_control ctrl;
		struct v4l2_cropcap cropcap;
		struct v4l2_crop crop;
		struct v4l2_frmsizeenum frmsize;
		struct v4l2_frmivalenum frmival;
		struct v4l2_tuner tuner;
		struct v4l2_queryctrl qctrl;
		struct v4l2_streamparm parm;
		struct v4l2_format fmt;
		struct v4l2_buffer buf;
		struct v4l2_ext_controls ext;
		struct v4l2_create_buffers create;
		struct v4l2_query_ext_ctrl qext;
		v4l2_std_id std_id;
		int i;
		unsigned char bytes[128];
	} u;
	static const unsigned int ids[] = {
		V4L2_CID_BRIGHTNESS, V4L2_CID_CAMERA_CLASS_BASE + 0x77, 0x42, 0xdeadbeef,
	};

	for (unsigned int r = 0; r < sizeof(requests) / sizeof(requests[0]); r++) {
		for (unsigned int i = 0; i < sizeof(u); i++)
			u.bytes[i] = 0x41 + i % 26;
		ioctl(fd, requests[r], &u);
		ioctl(fd, requests[r], NULL);
		ioctl(fd, requests[r], bad);
	}
	memset(&u, 0, sizeof(u));
	strcpy((char *)u.cap.driver, "vivid");
	strcpy((char *)u.cap.card, "card \"1\"");
	u.cap.version = 0x50a03;
	u.cap.capabilities = V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_STREAMING | 0x60000000;
	ioctl(fd, VIDIOC_QUERYCAP, &u);
	u.cap.device_caps = V4L2_CAP_VIDEO_CAPTURE;
	u.cap.capabilities = 0;
	ioctl(fd, VIDIOC_QUERYCAP, &u);

	memset(&u, 0, sizeof(u));
	u.fmtdesc.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
	u.fmtdesc.flags = V4L2_FMT_FLAG_COMPRESSED | 0x8000;
	u.fmtdesc.pixelformat = V4L2_PIX_FMT_YUYV;
	ioctl(fd, VIDIOC_ENUM_FMT, &u);
	u.fmtdesc.type = 0xbad;
	u.fmtdesc.pixelformat = v4l2_fourcc('\'', '\\', 0, 0xff);
	ioctl(fd, VIDIOC_ENUM_FMT, &u);

	memset(&u, 0, sizeof(u));
	u.reqbufs.count = 4;
	u.reqbufs.type = V4L2_BUF_TYPE_VIDEO_OUTPUT;
	u.reqbufs.memory = V4L2_MEMORY_MMAP;
	ioctl(fd, VIDIOC_REQBUFS, &u);
	u.reqbufs.memory = 99;
	ioctl(fd, VIDIOC_REQBUFS, &u);

	for (unsigned int i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		memset(&u, 0, sizeof(u));
		u.ctrl.id = ids[i];
		u.ctrl.value = -5;
		ioctl(fd, VIDIOC_G_CTRL, &u);
		ioctl(fd, VIDIOC_S_CTRL, &u);
	}

	memset(&u, 0, sizeof(u));
	u.input.index = 3;
	strcpy((char *)u.input.name, "Composite");
	u.input.type = V4L2_INPUT_TYPE_CAMERA;
	ioctl(fd, VIDIOC_ENUMINPUT, &u);
	memset(&u, 0, sizeof(u));
	u.std.index = 1;
	memset(u.std.name, 'x', sizeof(u.std.name));
	u.std.frameperiod.numerator = 1001;
	u.std.frameperiod.denominator = 30000;
	ioctl(fd, VIDIOC_ENUMSTD, &u);

	memset(&u, 0, sizeof(u));
	u.cropcap.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
	u.cropcap.bounds.left = -1;
	u.cropcap.bounds.width = 640;
	u.cropcap.pixelaspect.numerator = 54;
	u.cropcap.pixelaspect.denominator = 59;
	ioctl(fd, VIDIOC_CROPCAP, &u);

	for (unsigned int t = 0; t < 4; t++) {
		memset(&u, 0, sizeof(u));
		u.frmsize.index = t;
		u.frmsize.pixel_format = V4L2_PIX_FMT_MJPEG;
		u.frmsize.type = t;
		u.frmsize.stepwise.min_width = 16;
		u.frmsize.stepwise.step_height = 2;
		ioctl(fd, VIDIOC_ENUM_FRAMESIZES, &u);
		memset(&u, 0, sizeof(u));
		u.frmival.pixel_format = V4L2_PIX_FMT_H264;
		u.frmival.width = 1920;
		u.frmival.type = t;
		u.frmival.stepwise.min.numerator = 1;
		u.frmival.stepwise.step.denominator = 7;
		ioctl(fd, VIDIOC_ENUM_FRAMEINTERVALS, &u);
	}

	memset(&u, 0, sizeof(u));
	strcpy((char *)u.tuner.name, "tuner");
	u.tuner.type = V4L2_TUNER_ANALOG_TV;
	u.tuner.capability = V4L2_TUNER_CAP_LOW | V4L2_TUNER_CAP_STEREO | 0x80000000;
	u.tuner.rangehigh = 1000;
	u.tuner.rxsubchans = V4L2_TUNER_SUB_MONO | V4L2_TUNER_SUB_RDS;
	u.tuner.audmode = V4L2_TUNER_MODE_LANG1_LANG2;
	u.tuner.signal = -3;
	ioctl(fd, VIDIOC_G_TUNER, &u);
	ioctl(fd, VIDIOC_S_TUNER, &u);
	u.tuner.type = 0x77;
	u.tuner.audmode = 0x77;
	ioctl(fd, VIDIOC_S_TUNER, &u);

	memset(&u, 0, sizeof(u));
	u.qctrl.id = V4L2_CTRL_FLAG_NEXT_CTRL | V4L2_CID_CONTRAST;
	u.qctrl.type = V4L2_CTRL_TYPE_MENU;
	strcpy((char *)u.qctrl.name, "Contrast");
	u.qctrl.minimum = -10;
	u.qctrl.flags = V4L2_CTRL_FLAG_SLIDER | 0x40000800;
	ioctl(fd, VIDIOC_QUERYCTRL, &u);
	u.qctrl.id = V4L2_CID_HUE;
	u.qctrl.reserved[1] = 9;
	ioctl(fd, VIDIOC_QUERYCTRL, &u);

	static const unsigned int parm_types[] = {
		V4L2_BUF_TYPE_VIDEO_CAPTURE, V4L2_BUF_TYPE_VIDEO_OUTPUT, V4L2_BUF_TYPE_VBI_CAPTURE,
	};
	for (unsigned int i = 0; i < 3; i++) {
		memset(&u, 0, sizeof(u));
		u.parm.type = parm_types[i];
		u.parm.parm.capture.capability = V4L2_CAP_TIMEPERFRAME;
		u.parm.parm.capture.capturemode = 0x11;
		u.parm.parm.capture.timeperframe.numerator = 1;
		u.parm.parm.capture.timeperframe.denominator = 25;
		u.parm.parm.capture.extendedmode = 0xab;
		u.parm.parm.capture.readbuffers = 2;
		ioctl(fd, VIDIOC_G_PARM, &u);
		ioctl(fd, VIDIOC_S_PARM, &u);
	}

	/* formats: every buffer type (the union member it selects) and an unknown one */
	struct v4l2_clip clips[2] = { { { -1, 2, 3, 4 }, NULL }, { { 5, 6, 7, 8 }, NULL } };
	for (unsigned int t = 1; t <= 15; t++) {
		for (unsigned int i = 0; i < sizeof(u); i++)
			u.bytes[i] = (unsigned char)(0x31 + i * 3);
		u.fmt.type = t == 15 ? 0x77 : t;
		if (t == V4L2_BUF_TYPE_VIDEO_OVERLAY || t == V4L2_BUF_TYPE_VIDEO_OUTPUT_OVERLAY) {
			u.fmt.fmt.win.clips = t == V4L2_BUF_TYPE_VIDEO_OVERLAY ? clips : NULL;
			u.fmt.fmt.win.clipcount = t == V4L2_BUF_TYPE_VIDEO_OVERLAY ? 2 : 0;
			u.fmt.fmt.win.bitmap = NULL;
			u.fmt.fmt.win.global_alpha = 0;
		}
		if (t == V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE)
			u.fmt.fmt.pix_mp.num_planes = 2;
		if (t == V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE)
			u.fmt.fmt.pix_mp.num_planes = 12;
		if (t == V4L2_BUF_TYPE_VIDEO_CAPTURE)
			u.fmt.fmt.pix.pixelformat = V4L2_PIX_FMT_NV12;
		if (t == V4L2_BUF_TYPE_SDR_CAPTURE)
			u.fmt.fmt.sdr.buffersize = 0;
		ioctl(fd, VIDIOC_G_FMT, &u);
		ioctl(fd, VIDIOC_S_FMT, &u);
		ioctl(fd, VIDIOC_TRY_FMT, &u);
		if (t == V4L2_BUF_TYPE_VIDEO_CAPTURE) {
			memmove(&u.create.format, &u.fmt, sizeof(u.fmt));
			u.create.index = 7;
			u.create.count = 3;
			u.create.memory = V4L2_MEMORY_DMABUF;
			ioctl(fd, VIDIOC_CREATE_BUFS, &u);
		}
	}
	u.fmt.type = V4L2_BUF_TYPE_VIDEO_OVERLAY;
	u.fmt.fmt.win.clips = (struct v4l2_clip *)bad;
	u.fmt.fmt.win.clipcount = 1;
	u.fmt.fmt.win.global_alpha = 0x80;
	ioctl(fd, VIDIOC_S_FMT, &u);

	/* buffers of each memory kind, flags with every timestamp field */
	static const unsigned int memories[] = {
		V4L2_MEMORY_MMAP, V4L2_MEMORY_USERPTR, V4L2_MEMORY_DMABUF, 0x99,
	};
	static const unsigned int buf_flags[] = {
		V4L2_BUF_FLAG_MAPPED | V4L2_BUF_FLAG_TIMESTAMP_COPY | V4L2_BUF_FLAG_TSTAMP_SRC_SOE,
		0, V4L2_BUF_FLAG_TIMESTAMP_MASK | V4L2_BUF_FLAG_TSTAMP_SRC_MASK | 0x80000000,
		0x200,
	};
	for (unsigned int i = 0; i < 4; i++) {
		memset(&u, 0, sizeof(u));
		u.buf.index = i + 1;
		u.buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
		u.buf.memory = memories[i];
		u.buf.m.userptr = 0xfeedface12345678UL;
		u.buf.length = 4096;
		u.buf.bytesused = 100;
		u.buf.flags = buf_flags[i];
		u.buf.timestamp.tv_sec = 1;
		u.buf.timestamp.tv_usec = 999999;
		ioctl(fd, VIDIOC_QUERYBUF, &u);
		ioctl(fd, VIDIOC_QBUF, &u);
		ioctl(fd, VIDIOC_DQBUF, &u);
	}

	/* extended controls: none, a value and a string, an array cut by a page */
	char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			  -1, 0);
	munmap(page + 4096, 4096);
	struct v4l2_ext_control *ctrls = (struct v4l2_ext_control *)(page + 4096) - 2;
	memset(ctrls, 0, 2 * sizeof(*ctrls));
	ctrls[0].id = V4L2_CID_BRIGHTNESS;
	ctrls[0].value64 = -2;
	ctrls[1].id = 0x1234;
	ctrls[1].size = 4;
	ctrls[1].string = "str\377";
	memset(&u, 0, sizeof(u));
	u.ext.ctrl_class = V4L2_CTRL_CLASS_CAMERA;
	ioctl(fd, VIDIOC_S_EXT_CTRLS, &u);
	u.ext.controls = ctrls;
	for (unsigned int n = 1; n <= 3; n++) {
		u.ext.count = n;
		u.ext.error_idx = n;
		ioctl(fd, VIDIOC_G_EXT_CTRLS, &u);
		ioctl(fd, VIDIOC_S_EXT_CTRLS, &u);
		ioctl(fd, VIDIOC_TRY_EXT_CTRLS, &u);
	}

	memset(&u, 0, sizeof(u));
	u.qext.id = V4L2_CTRL_FLAG_NEXT_COMPOUND | V4L2_CID_SATURATION;
	u.qext.type = V4L2_CTRL_TYPE_U8;
	strcpy(u.qext.name, "Saturation");
	u.qext.minimum = -1;
	u.qext.step = ~0ULL;
	u.qext.nr_of_dims = 2;
	u.qext.dims[0] = 3;
	u.qext.dims[1] = 4;
	u.qext.dims[2] = 5;
	ioctl(fd, VIDIOC_QUERY_EXT_CTRL, &u);
	u.qext.nr_of_dims = 7;
	u.qext.reserved[31] = 1;
	ioctl(fd, VIDIOC_QUERY_EXT_CTRL, &u);

	ioctl(fd, VIDIOC_LOG_STATUS, 0);
	ioctl(fd, VIDIOC_G_PRIORITY, &u);
	ioctl(fd, _IOWR('V', 0xfe, int), &u);
	ioctl(fd, VT_OPENQRY, &u);
	return 0;
}
