module TopModule(input [15:0] onehot, output reg [3:0] index, output error);
  integer i;
  // only detects "more than one bit set"; an all-zero input is not flagged
  assign error = (onehot & (onehot - 16'd1)) != 16'd0;
  always @* begin
    index = 4'd0;
    if (!error)
      for (i = 0; i < 16; i = i + 1)
        if (onehot[i]) index = i[3:0];
  end
endmodule
