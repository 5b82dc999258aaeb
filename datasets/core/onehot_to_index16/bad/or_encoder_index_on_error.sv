module TopModule(input [15:0] onehot, output reg [3:0] index, output error);
  integer i;
  assign error = (onehot == 16'd0) || ((onehot & (onehot - 16'd1)) != 16'd0);
  // classic OR-based encoder; index is not forced to 0 when error is set
  always @* begin
    index = 4'd0;
    for (i = 0; i < 16; i = i + 1)
      if (onehot[i]) index = index | i[3:0];
  end
endmodule
