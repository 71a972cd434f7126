/* Video4Linux2 ioctls on /dev/null (they fail with ENOTTY, or succeed under
 * -e inject=ioctl:retval=0 so that the output fields print): every decoded request
 * with readable, filled structures (known and unknown buffer types, control ids named,
 * in a class and unknown, capabilities with and without device_caps, fourcc
 * characters that need escapes), NULL and an unmapped address, an undecoded request,
 * an unknown 'V' request, and a VT request of the same type. */
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
	VIDIOC_G_PARM, VIDIOC_S_PARM,
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

	ioctl(fd, VIDIOC_LOG_STATUS, 0);
	ioctl(fd, VIDIOC_G_PRIORITY, &u);
	ioctl(fd, _IOWR('V', 0xfe, int), &u);
	ioctl(fd, VT_OPENQRY, &u);
	return 0;
}
